import { v7 as uuidv7 } from 'uuid';
import { DEFAULT_CODE_TTL_HOURS, type Role, type Scope } from '../shared/sync/protocol';
import { matchOffice } from './offices';
import { hashCode, newEnrollmentCode } from './secrets';
import type { HqStorage, OfficeRow, PersonRow } from './storage/types';

export interface EnrollPersonInput {
  office: string;
  name: string;
  role: Role;
  /** Reviewers: 'office' (default) or 'province'; admins are always 'all'; writers 'office'. */
  scope?: Scope | undefined;
  province?: string | undefined;
  expiresHours?: number | undefined;
  /** Refuse office names that are not a regency/city/province of idn-area-data. */
  strictOffice?: boolean | undefined;
}

export interface EnrollPersonResult {
  code: string;
  expiresAt: string;
  person: PersonRow;
  office: OfficeRow;
  officeCreated: boolean;
  warnings: string[];
}

/** Create (or reuse) the office, create the person and a one-time code. HQ keeps only the code's hash. */
export async function enrollPerson(
  storage: HqStorage,
  input: EnrollPersonInput,
  now = new Date(),
): Promise<EnrollPersonResult> {
  const warnings: string[] = [];
  const name = input.name.trim();
  if (!name) throw new Error('--name must not be empty');
  const hours = input.expiresHours ?? DEFAULT_CODE_TTL_HOURS;
  if (!(hours > 0 && hours <= 24 * 30)) throw new Error('--expires-hours must be between 0 and 720');
  const scope: Scope = input.role === 'admin' ? 'all' : input.role === 'penulis' ? 'office' : (input.scope ?? 'office');
  if (input.role === 'penulis' && input.scope && input.scope !== 'office')
    warnings.push(`a penulis always has scope "office" (ignored --scope ${input.scope})`);

  const match = await matchOffice(input.office, input.province);
  if (!match.known) {
    const msg = `office "${input.office}" is not a regency/city or province in idn-area-data`;
    if (input.strictOffice) throw new Error(`${msg}; check the spelling (e.g. "KPU Kabupaten Blora")`);
    warnings.push(`${msg}; created as given${match.province ? ` in province ${match.province}` : ' with no province'}`);
  }
  if (scope === 'province' && !match.provinceCode && !match.province)
    throw new Error('a provincial reviewer needs an office with a known province (use --province)');

  const createdAt = now.toISOString();
  const code = newEnrollmentCode();
  const expiresAt = new Date(now.getTime() + hours * 3600_000);
  return storage.transaction(() => {
    let office = storage.findOfficeByName(match.name);
    let officeCreated = false;
    if (!office) {
      office = {
        id: uuidv7(),
        name: match.name,
        regencyCode: match.regencyCode,
        province: match.province,
        provinceCode: match.provinceCode,
        createdAt,
      };
      storage.insertOffice(office);
      officeCreated = true;
    }
    const person: PersonRow = { id: uuidv7(), name, role: input.role, scope, officeId: office.id, createdAt };
    storage.insertPerson(person);
    storage.insertEnrollmentCode({
      codeHash: hashCode(code),
      personId: person.id,
      expiresAt: expiresAt.getTime(),
      usedAt: null,
      createdAt,
    });
    return { code, expiresAt: expiresAt.toISOString(), person, office, officeCreated, warnings };
  });
}
