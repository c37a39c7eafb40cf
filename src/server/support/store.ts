import type Database from 'better-sqlite3';
import { prepareCached } from '../../node/db/statement-cache';

export interface DeviceLog {
  bundleId: string;
  receivedAt: string;
  text: string;
}

/** The device_logs table (migration 009): log bundles workstations sent for support. */
export function deviceLogs(db: Database.Database) {
  return {
    /** Stores a bundle once (a resend after a lost answer is the same bundle id). */
    add(deviceId: string, officeId: string, bundleId: string, text: string, receivedAt: string): void {
      prepareCached(
        db,
        `INSERT OR IGNORE INTO device_logs (device_id, office_id, bundle_id, received_at, text) VALUES (?, ?, ?, ?, ?)`,
      ).run(deviceId, officeId, bundleId, receivedAt, text);
      // A device keeps its last 10 bundles at HQ: enough for support, bounded on disk.
      prepareCached(
        db,
        `DELETE FROM device_logs WHERE device_id = ? AND id NOT IN
           (SELECT id FROM device_logs WHERE device_id = ? ORDER BY id DESC LIMIT 10)`,
      ).run(deviceId, deviceId);
    },
    /** A device's bundles, newest first. */
    list(deviceId: string): DeviceLog[] {
      return prepareCached(
        db,
        `SELECT bundle_id AS bundleId, received_at AS receivedAt, text FROM device_logs WHERE device_id = ? ORDER BY id DESC`,
      ).all(deviceId) as DeviceLog[];
    },
  };
}
export type DeviceLogs = ReturnType<typeof deviceLogs>;
