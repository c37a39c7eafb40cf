/** Routes, version and size caps of the sync protocol. */

export const PROTOCOL_VERSION = 1;

export const PATHS = {
  /** POST EnrollRequest → EnrollResponse (no auth). */
  enroll: '/api/v1/enroll',
  /** GET → MeResponse: who this token is, and the seq HQ expects next. */
  me: '/api/v1/sync/me',
  /** POST PushRequest → PushResponse. */
  push: '/api/v1/sync/push',
  /** GET ?cursor=N&limit=M → PullResponse. */
  pull: '/api/v1/sync/pull',
  /** PUT raw bytes / HEAD / GET at `${attachments}/<sha256>`. */
  attachments: '/api/v1/attachments',
  /** GET → { ok: true, protocol } (no auth): reachability probe for the client. */
  health: '/api/v1/health',
} as const;

/** At most this many entries per push batch (more → 413 `too_large`). */
export const MAX_PUSH_ENTRIES = 100;
/** At most this many bytes of JSON per push request body (more → 413 `too_large`). */
export const MAX_PUSH_BYTES = 8 * 1024 * 1024;
/** One attachment: at most this many bytes (more → 413 `too_large`). */
export const MAX_ATTACHMENT_BYTES = 10 * 1024 * 1024;
/** Pull page size: default and maximum for `limit`. */
export const PULL_DEFAULT_LIMIT = 100;
export const PULL_MAX_LIMIT = 500;
/** A pull page stops early (hasMore: true) once its changes pass this many bytes of JSON. */
export const PULL_MAX_BYTES = 4 * 1024 * 1024;
/** Request JSON nested deeper than this → 400 (a TipTap doc needs far less; deeper is an attack). */
export const MAX_JSON_DEPTH = 64;
/** Enrollment codes live this long unless `--expires-hours` says otherwise. */
export const DEFAULT_CODE_TTL_HOURS = 24;
