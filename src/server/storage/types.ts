/**
 * HQ storage: the narrow interface the server code talks to. SQLite (better-sqlite3, WAL)
 * implements it in ./sqlite/. The interface is synchronous because better-sqlite3 is; a
 * PostgreSQL implementation would make these methods async and the (straight-line) callers
 * in src/server/sync and src/server/auth would gain `await`s — nothing else depends on SQL.
 *
 * Times (`*At`) are ISO strings from HQ's clock, for display and audit only; ordering is
 * always by counters (revision, change cursor, seq).
 */
import type { ChangeActor, EntryResult, ReleaseEvent, Role, Scope, WireFields } from '../../shared/sync/protocol';
import type { Status } from '../../shared/domain';

export interface OfficeRow {
  id: string;
  name: string;
  /** idn-area-data regency/city code ("33.16"), null when the office is not a known regency. */
  regencyCode: string | null;
  province: string;
  provinceCode: string | null;
  createdAt: string;
}

export interface PersonRow {
  id: string;
  name: string;
  role: Role;
  scope: Scope;
  officeId: string;
  createdAt: string;
}

export interface EnrollmentCodeRow {
  codeHash: string;
  personId: string;
  /** Epoch ms. */
  expiresAt: number;
  usedAt: string | null;
  createdAt: string;
}

export interface DeviceRow {
  id: string;
  personId: string;
  name: string;
  tokenHash: string;
  createdAt: string;
  revokedAt: string | null;
  /** Highest push seq applied (0 = none yet). */
  lastSeq: number;
}

/** A device with who it belongs to: what auth hands to the routes. */
export interface DeviceIdentity {
  device: DeviceRow;
  person: PersonRow;
  office: OfficeRow;
}

/** What a release is at one revision: the head and every stored revision both carry it. */
interface ReleaseState {
  officeId: string;
  revision: number;
  deleted: boolean;
  /** null only for a tombstone. */
  fields: WireFields | null;
  status: Status;
  publishAt: string | null;
}

/** A release's current head at HQ. */
export interface ReleaseHead extends ReleaseState {
  id: string;
  createdAt: string;
  updatedAt: string;
}

/** One stored revision (every revision is kept: it is the base of later merges). */
export interface RevisionRow extends ReleaseState {
  releaseId: string;
  event: ReleaseEvent;
  fromStatus: Status | null;
  note: string | null;
  actor: ChangeActor;
  cursor: number;
}

export interface AnnotationRow {
  id: string;
  releaseId: string;
  officeId: string;
  type: string;
  version: number;
  baseRevision: number;
  data: Record<string, unknown>;
  actor: ChangeActor;
  cursor: number;
}

/** A change-log row as read for pull: the release revision or the annotation version it names. */
export type ChangeRow =
  | { type: 'release'; cursor: number; revision: RevisionRow }
  | { type: 'annotation'; cursor: number; annotation: AnnotationRow };

/** One device's upload of one attachment, charged to its office. */
interface AttachmentUploadRow {
  sha256: string;
  deviceId: string;
  officeId: string;
  size: number;
  createdAt: string;
}

/** Which offices a device may read: all, or these office ids. */
export type ReadScope = { all: true } | { all: false; officeIds: string[] };

export interface HqStorage {
  /** Run `fn` in one write transaction: all of it is stored, or none of it. */
  transaction<T>(fn: () => T): T;
  close(): void;

  // Offices, people, enrollment (the CLI).
  findOfficeByName(name: string): OfficeRow | null;
  getOffice(id: string): OfficeRow | null;
  listOffices(): OfficeRow[];
  insertOffice(office: OfficeRow): void;
  insertPerson(person: PersonRow): void;
  getPerson(id: string): PersonRow | null;
  insertEnrollmentCode(code: EnrollmentCodeRow): void;
  getEnrollmentCode(codeHash: string): EnrollmentCodeRow | null;
  markEnrollmentCodeUsed(codeHash: string, usedAt: string): boolean;
  /** The office's settings as stored (values unchecked: the profile builder validates them). */
  officeSettings(officeId: string): Record<string, unknown>;
  /** Set one setting, or remove it with `null`. */
  setOfficeSetting(officeId: string, key: string, value: unknown, updatedAt: string): void;

  // Devices and auth.
  insertDevice(device: DeviceRow): void;
  getDevice(id: string): DeviceRow | null;
  listDevices(): (DeviceRow & { personName: string; role: Role; office: string })[];
  revokeDevice(id: string, at: string): boolean;
  identityByTokenHash(tokenHash: string): DeviceIdentity | null;
  setDeviceLastSeq(deviceId: string, seq: number): void;

  // Push results, per (device, seq), for replays.
  getPushResult(deviceId: string, seq: number): EntryResult | null;
  insertPushResult(deviceId: string, seq: number, result: EntryResult): void;

  // Releases and their revisions.
  getReleaseHead(id: string): ReleaseHead | null;
  getRevision(releaseId: string, revision: number): RevisionRow | null;
  listRevisions(releaseId: string): RevisionRow[];
  /** Appends the revision, moves the head to it and writes a change-log row; returns the cursor. */
  appendRevision(rev: Omit<RevisionRow, 'cursor'>, createdAt: string): number;
  /** Another live release holding `slug` (non-empty), if any. */
  releaseIdBySlug(slug: string): string | null;

  // Release numbers (the office's pattern and the rules: src/server/numbering).
  /** The number HQ gave this release, if any. */
  releaseNumber(releaseId: string): string | null;
  /** Takes the office's next sequence number in `scope` (a year, or '' for a running count). */
  nextNumberSeq(officeId: string, scope: string): number;
  /** Records a given number; false (nothing written) when the office already gave it. */
  insertReleaseNumber(row: { officeId: string; number: string; releaseId: string; assignedAt: string }): boolean;

  // Annotations.
  getAnnotation(id: string): AnnotationRow | null;
  /** The latest version of each of a release's annotations of these types, in HQ order. */
  releaseAnnotations(releaseId: string, types: readonly string[]): AnnotationRow[];
  /** Stores the new version and writes a change-log row; returns the cursor. */
  putAnnotation(row: Omit<AnnotationRow, 'cursor'>): number;

  // Change log.
  headCursor(): number;
  readChanges(
    after: number,
    limit: number,
    scope: ReadScope,
  ): { rows: ChangeRow[]; hasMore: boolean; scannedTo: number };

  // Attachments (metadata; bytes live in the attachment store).
  hasAttachment(sha256: string): boolean;
  insertAttachment(sha256: string, size: number, createdAt: string): boolean;
  /** Notes that this device sent these bytes (again or first): it may read them from now on. */
  recordAttachmentUpload(upload: AttachmentUploadRow): void;
  uploadedByDevice(sha256: string, deviceId: string): boolean;
  /** Bytes of the distinct attachments an office's devices have uploaded (its quota's use). */
  officeAttachmentBytes(officeId: string): number;
  /** Notes which attachments a stored revision of a release references. */
  recordAttachmentRefs(releaseId: string, officeId: string, sha256s: readonly string[]): void;
  /** Does any revision of a release in `scope` reference the attachment? */
  attachmentReferencedIn(sha256: string, scope: ReadScope): boolean;

  /** Every table, every row: for tests that prove bad input changed nothing. */
  dump(): Record<string, unknown[]>;
}
