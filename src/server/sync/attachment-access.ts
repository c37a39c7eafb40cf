import type { DeviceIdentity, HqStorage } from '../storage/types';
import { readScope } from './scope';

/**
 * May this device have these bytes? Only if it sent them itself, or it may read a release
 * (any revision) that shows them. Knowing a hash is not enough: hashes travel in every pulled
 * revision, and a device must not fetch another office's unpublished photos by guessing or
 * copying one.
 */
export function mayReadAttachment(storage: HqStorage, who: DeviceIdentity, sha256: string): boolean {
  if (!storage.hasAttachment(sha256)) return false;
  if (storage.uploadedByDevice(sha256, who.device.id)) return true;
  return storage.attachmentReferencedIn(sha256, readScope(storage, who));
}
