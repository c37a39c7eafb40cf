import type { EntryResult } from '../../../shared/sync/protocol';
import type { DeviceRow, HqStorage, PersonRow } from '../types';
import type { OfficeRecords } from './offices';
import type { Query } from '../../../node/db/statement-cache';

/** Enrolled devices, the identity a token stands for, and each device's stored push results. */
export type DeviceRecords = Pick<
  HqStorage,
  | 'insertDevice'
  | 'getDevice'
  | 'listDevices'
  | 'revokeDevice'
  | 'identityByTokenHash'
  | 'setDeviceLastSeq'
  | 'getPushResult'
  | 'insertPushResult'
>;

type DbRow = Record<string, unknown>;

const toDevice = (r: DbRow): DeviceRow => ({
  id: r.id as string,
  personId: r.person_id as string,
  name: r.name as string,
  tokenHash: r.token_hash as string,
  createdAt: r.created_at as string,
  revokedAt: (r.revoked_at as string | null) ?? null,
  lastSeq: r.last_seq as number,
});

export function deviceRecords(q: Query, offices: Pick<OfficeRecords, 'getPerson' | 'getOffice'>): DeviceRecords {
  return {
    insertDevice(d) {
      q(
        'INSERT INTO devices (id, person_id, name, token_hash, created_at, revoked_at, last_seq) VALUES (?, ?, ?, ?, ?, ?, ?)',
      ).run(d.id, d.personId, d.name, d.tokenHash, d.createdAt, d.revokedAt, d.lastSeq);
    },

    getDevice(id) {
      const r = q('SELECT * FROM devices WHERE id = ?').get(id) as DbRow | undefined;
      return r ? toDevice(r) : null;
    },

    listDevices() {
      const rows = q(
        `SELECT d.*, p.name AS person_name, p.role AS person_role, o.name AS office_name
           FROM devices d JOIN people p ON p.id = d.person_id JOIN offices o ON o.id = p.office_id ORDER BY d.created_at, d.id`,
      ).all() as DbRow[];
      return rows.map((r) => ({
        ...toDevice(r),
        personName: r.person_name as string,
        role: r.person_role as PersonRow['role'],
        office: r.office_name as string,
      }));
    },

    revokeDevice(id, at) {
      return q('UPDATE devices SET revoked_at = ? WHERE id = ? AND revoked_at IS NULL').run(at, id).changes === 1;
    },

    identityByTokenHash(tokenHash) {
      const r = q('SELECT * FROM devices WHERE token_hash = ?').get(tokenHash) as DbRow | undefined;
      if (!r) return null;
      const device = toDevice(r);
      const person = offices.getPerson(device.personId);
      const office = person ? offices.getOffice(person.officeId) : null;
      return person && office ? { device, person, office } : null;
    },

    setDeviceLastSeq(deviceId, seq) {
      q('UPDATE devices SET last_seq = ? WHERE id = ?').run(seq, deviceId);
    },

    getPushResult(deviceId, seq) {
      const r = q('SELECT result FROM push_results WHERE device_id = ? AND seq = ?').get(deviceId, seq) as
        { result: string } | undefined;
      return r ? (JSON.parse(r.result) as EntryResult) : null;
    },

    insertPushResult(deviceId, seq, result) {
      q('INSERT INTO push_results (device_id, seq, result) VALUES (?, ?, ?)').run(
        deviceId,
        seq,
        JSON.stringify(result),
      );
    },
  };
}
