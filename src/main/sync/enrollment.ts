import { hostname } from 'node:os';
import { z } from 'zod';
import { IdentitySchema, type Identity } from '../../shared/contract/app';
import type { Db, Settings } from '../store';
import type { SecretStore } from '../services';
import { enrollError } from './error-messages';
import { HqClient, normaliseHqUrl } from './hq-client';
import { addLog } from './tables/log';
import { META, getMeta, setMeta } from './tables/meta';
import { pendingPushes, renumberPushes } from './tables/push-queue';
import { forgetOfficeProfile } from './office-profile';
import { forgetOfficeWords } from './tables/office-words';

/** Settings keys (the store's `settings` table) and the secret key of the device token. */
const SETTINGS_IDENTITY = 'identity';
const SETTINGS_HQ_URL = 'hqUrl';
export const SECRET_DEVICE_TOKEN = 'hq.deviceToken';

export interface Enrollment {
  db: Db;
  settings: Settings;
  secrets: SecretStore;
}

export const readIdentity = (e: Enrollment): Identity | null =>
  e.settings.get(SETTINGS_IDENTITY, IdentitySchema) ?? null;
export const readHqUrl = (e: Enrollment): string | null => e.settings.get(SETTINGS_HQ_URL, z.string()) ?? null;
export const readDeviceToken = (e: Enrollment): string | null => e.secrets.get(SECRET_DEVICE_TOKEN);

/** Enrolls this workstation at HQ with a one-time code and keeps who it is and where HQ is. */
export async function enroll(
  e: Enrollment,
  input: { serverUrl: string; code: string; deviceName: string | undefined; timeoutMs: number },
): Promise<Identity & { hqUrl: string }> {
  const url = normaliseHqUrl(input.serverUrl);
  const client = new HqClient({ baseUrl: url, timeoutMs: input.timeoutMs });
  let enrolled;
  try {
    enrolled = await client.enroll(input.code.trim(), input.deviceName ?? `Warta di ${hostname()}`);
  } catch (error) {
    throw enrollError(error, url);
  }
  const identity: Identity = {
    name: enrolled.person.name,
    role: enrolled.person.role,
    office: enrolled.person.office,
    deviceId: enrolled.deviceId,
  };
  const { db } = e;
  e.secrets.set(SECRET_DEVICE_TOKEN, enrolled.token);
  db.transaction(() => {
    e.settings.set(SETTINGS_IDENTITY, identity);
    e.settings.set(SETTINGS_HQ_URL, url);
    // A new device starts its seqs at 1 and reads the change log from the beginning.
    if (getMeta(db, META.seqDevice) !== enrolled.deviceId) {
      setMeta(db, META.nextSeq, String(renumberPushes(db, 1, pendingPushes(db))));
      setMeta(db, META.seqDevice, enrolled.deviceId);
      setMeta(db, META.cursor, '0');
    }
    addLog(db, 'info', 'syncLog.connected', { url, name: identity.name, office: identity.office });
  })();
  return { ...identity, hqUrl: url };
}

/** Forgets HQ and the device token; the releases on this computer stay. */
export function unenroll(e: Enrollment): void {
  e.secrets.delete(SECRET_DEVICE_TOKEN);
  e.settings.delete(SETTINGS_IDENTITY);
  e.settings.delete(SETTINGS_HQ_URL);
  forgetOfficeProfile(e.db);
  forgetOfficeWords(e.db);
  addLog(e.db, 'info', 'syncLog.disconnected');
}
