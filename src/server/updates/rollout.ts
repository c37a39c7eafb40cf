import { createHash } from 'node:crypto';

/**
 * A device's place in a percentage rollout, 0–99: from a hash of its id, so the same device
 * always lands in the same bucket (it never sees an update appear and vanish), and a rollout
 * widened from 10 % to 50 % keeps the first 10 % in.
 */
export function rolloutBucket(deviceId: string): number {
  return createHash('sha256').update(`warta-rollout:${deviceId}`).digest().readUInt32BE(0) % 100;
}

export interface Rollout {
  /** null: no share set. */
  percent: number | null;
  /** null: no office list set. Office ids. */
  offices: string[] | null;
}

/** Whether a device of `officeId` may have a release with this rollout (no limits: everyone). */
export function reaches(rollout: Rollout, deviceId: string, officeId: string): boolean {
  if (rollout.percent === null && rollout.offices === null) return true;
  if (rollout.offices?.includes(officeId)) return true;
  return rollout.percent !== null && rolloutBucket(deviceId) < rollout.percent;
}
