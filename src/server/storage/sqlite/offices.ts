import type { EnrollmentCodeRow, HqStorage, OfficeRow, PersonRow } from '../types';
import type { Query } from '../../../node/db/statement-cache';

/** Offices, people and enrollment codes: what the CLI sets up before a device enrolls. */
export type OfficeRecords = Pick<
  HqStorage,
  | 'findOfficeByName'
  | 'getOffice'
  | 'listOffices'
  | 'insertOffice'
  | 'insertPerson'
  | 'getPerson'
  | 'insertEnrollmentCode'
  | 'getEnrollmentCode'
  | 'markEnrollmentCodeUsed'
  | 'officeSettings'
  | 'setOfficeSetting'
>;

type DbRow = Record<string, unknown>;

const toOffice = (r: DbRow): OfficeRow => ({
  id: r.id as string,
  name: r.name as string,
  regencyCode: (r.regency_code as string | null) ?? null,
  province: r.province as string,
  provinceCode: (r.province_code as string | null) ?? null,
  createdAt: r.created_at as string,
});

const toPerson = (r: DbRow): PersonRow => ({
  id: r.id as string,
  name: r.name as string,
  role: r.role as PersonRow['role'],
  scope: r.scope as PersonRow['scope'],
  officeId: r.office_id as string,
  createdAt: r.created_at as string,
});

const toEnrollmentCode = (r: DbRow): EnrollmentCodeRow => ({
  codeHash: r.code_hash as string,
  personId: r.person_id as string,
  expiresAt: r.expires_at as number,
  usedAt: (r.used_at as string | null) ?? null,
  createdAt: r.created_at as string,
});

export function officeRecords(q: Query): OfficeRecords {
  return {
    findOfficeByName(name) {
      const r = q('SELECT * FROM offices WHERE name = ? COLLATE NOCASE').get(name) as DbRow | undefined;
      return r ? toOffice(r) : null;
    },

    getOffice(id) {
      const r = q('SELECT * FROM offices WHERE id = ?').get(id) as DbRow | undefined;
      return r ? toOffice(r) : null;
    },

    listOffices() {
      return (q('SELECT * FROM offices ORDER BY name').all() as DbRow[]).map(toOffice);
    },

    insertOffice(o) {
      q(
        'INSERT INTO offices (id, name, regency_code, province, province_code, created_at) VALUES (?, ?, ?, ?, ?, ?)',
      ).run(o.id, o.name, o.regencyCode, o.province, o.provinceCode, o.createdAt);
    },

    insertPerson(p) {
      q('INSERT INTO people (id, name, role, scope, office_id, created_at) VALUES (?, ?, ?, ?, ?, ?)').run(
        p.id,
        p.name,
        p.role,
        p.scope,
        p.officeId,
        p.createdAt,
      );
    },

    getPerson(id) {
      const r = q('SELECT * FROM people WHERE id = ?').get(id) as DbRow | undefined;
      return r ? toPerson(r) : null;
    },

    insertEnrollmentCode(c) {
      q(
        'INSERT INTO enrollment_codes (code_hash, person_id, expires_at, used_at, created_at) VALUES (?, ?, ?, ?, ?)',
      ).run(c.codeHash, c.personId, c.expiresAt, c.usedAt, c.createdAt);
    },

    getEnrollmentCode(codeHash) {
      const r = q('SELECT * FROM enrollment_codes WHERE code_hash = ?').get(codeHash) as DbRow | undefined;
      return r ? toEnrollmentCode(r) : null;
    },

    markEnrollmentCodeUsed(codeHash, usedAt) {
      return (
        q('UPDATE enrollment_codes SET used_at = ? WHERE code_hash = ? AND used_at IS NULL').run(usedAt, codeHash)
          .changes === 1
      );
    },

    officeSettings(officeId) {
      const rows = q('SELECT key, value FROM office_settings WHERE office_id = ?').all(officeId) as {
        key: string;
        value: string;
      }[];
      const out: Record<string, unknown> = {};
      for (const r of rows) {
        try {
          out[r.key] = JSON.parse(r.value) as unknown;
        } catch {
          // A value no longer readable is as good as unset; the admin can set it again.
        }
      }
      return out;
    },

    setOfficeSetting(officeId, key, value, updatedAt) {
      if (value === null) {
        q('DELETE FROM office_settings WHERE office_id = ? AND key = ?').run(officeId, key);
        return;
      }
      q(
        `INSERT INTO office_settings (office_id, key, value, updated_at) VALUES (?, ?, ?, ?)
         ON CONFLICT (office_id, key) DO UPDATE SET value = excluded.value, updated_at = excluded.updated_at`,
      ).run(officeId, key, JSON.stringify(value), updatedAt);
    },
  };
}
