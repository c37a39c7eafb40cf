import { join } from 'node:path';
import { app, safeStorage } from 'electron';
import { createFileSecretStore, type SecretStore } from '../services';
import type { Logger } from '../../node/log/logger';

/**
 * Device credentials encrypted with the OS keychain (safeStorage: DPAPI on Windows,
 * Keychain on macOS, libsecret/kwallet on Linux), kept in a 0600 file in userData.
 */
export function createSafeStorageSecretStore(log: Logger): SecretStore {
  if (!safeStorage.isEncryptionAvailable()) {
    log.warn(
      {},
      "safeStorage has no OS keychain here; secrets fall back to Electron's basic obfuscation in a 0600 file",
    );
  }
  return createFileSecretStore(join(app.getPath('userData'), 'secrets.json'), {
    encode: (plain) => safeStorage.encryptString(plain).toString('base64'),
    decode: (stored) => safeStorage.decryptString(Buffer.from(stored, 'base64')),
  });
}
