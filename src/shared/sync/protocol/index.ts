/**
 * The workstation ↔ HQ sync protocol (HTTP, JSON): the one public entry to its schemas.
 *
 * STABILITY: the protocol changes only ADDITIVELY (new optional fields, new entry kinds,
 * new change types, new reject reasons, new error codes). Anything else is announced here,
 * in this header, with a date. Clients must ignore change types they do not know.
 * Additive changes so far (2026-11-30): MAX_JSON_DEPTH (deeper → 400), PULL_MAX_BYTES (a pull
 * page may end early with hasMore), workflow.transition `note` may be null and takes an
 * optional `contentHash`. 2026-12-03: reject reason `published` (a delete of a public or
 * scheduled release), and an upsert on a tombstone restores the release (the trash); reject
 * reason `not_author` (an annotation id owned by another person), and annotation kinds other
 * than review.thread / review.reply / review.event are refused; reject reason
 * `too_large` (a release body over MAX_RELEASE_BODY_BYTES or MAX_RELEASE_NODES);
 * `POST /api/v1/office/words` (an office's own dictionary; the profile's `dictionary` setting).
 *
 * Overview (docs/ARCHITECTURE.md, "Sync and HQ", has the full story):
 * - Enrollment: `POST /api/v1/enroll` exchanges a one-time code for a device token.
 * - Every other route needs `Authorization: Bearer <token>`; missing/unknown/revoked → 401.
 * - Push: the workstation's outbox, in order. Each entry carries a per-device `seq`,
 *   contiguous from 1. HQ applies a whole batch in one transaction and stores the result of
 *   every seq; a replayed seq returns its stored result and changes nothing. A gap (first new
 *   seq ≠ expected) → 409 `seq_gap` with `expectedSeq`.
 * - Pull: the HQ change log after a cursor, page by page; store `nextCursor` after each page
 *   is applied locally, so an interrupted pull resumes where it stopped.
 * - Attachments: content addressed by sha256, uploaded BEFORE the entries that reference
 *   them (an upsert referencing a missing attachment is rejected `missing_attachment`).
 * - Revisions are HQ counters (per release); the change log cursor is a global counter.
 *   No wall-clock ordering anywhere; `hqTime` fields are for display/audit only.
 *
 * Whole-request errors (4xx) change nothing at HQ. Per-entry outcomes are results, not errors.
 */
export * from './limits';
export * from './errors';
export * from './wire-fields';
export * from './attachments';
export * from './enroll';
export * from './push';
export * from './push-results';
export * from './pull';
export * from './support';
export * from './office-words';
