import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { LOG_FILE, logFileFor } from '../../node/log/daily-file';

/**
 * Log fields a support bundle keeps: identifiers, counts, states and short codes. Anything
 * else — a release's title or body, a comment, a request body, a header, a token, an
 * enrolment code — is dropped, whatever it is called, because only these names pass.
 */
const KEPT_FIELDS = new Set([
  'level',
  'time',
  'name',
  'msg',
  'pid',
  'reason',
  'phase',
  'status',
  'statusCode',
  'method',
  'releaseId',
  'deviceId',
  'revision',
  'seq',
  'version',
  'pushed',
  'pulled',
  'uploaded',
  'conflicts',
  'rejected',
  'pending',
  'count',
  'permission',
  'exitCode',
  'responseTime',
  'sqliteBinding',
  'file',
  'feedFile',
  'changed',
  'mode',
]);
const MAX_STRING = 300;

/** Whatever still looks like a credential inside a kept string (an error message naming one). */
const SECRETS: [RegExp, string][] = [
  [/\bBearer\s+\S+/gi, 'Bearer [redacted]'],
  // Device tokens (wt_…) and enrolment codes (WARTA-XXXX-…), whatever surrounds them.
  [/\bwt_[A-Za-z0-9_-]+/g, '[redacted]'],
  [/\bWARTA(?:[\s-]*[0-9A-Z]{4}){4}\b/gi, '[redacted]'],
  [/([?&#](?:token|code|secret|key)=)[^&\s"']+/gi, '$1[redacted]'],
  [/\b(token|secret|password|code)(["']?\s*[:=]\s*["']?)[^\s"',}]+/gi, '$1$2[redacted]'],
  // Long opaque strings: other tokens and keys (ids are dash-separated groups of at most 12).
  [/[A-Za-z0-9_+/]{32,}={0,2}/g, '[redacted]'],
];

function redactText(text: string): string {
  let out = text.length > MAX_STRING ? `${text.slice(0, MAX_STRING)}…` : text;
  for (const [pattern, replacement] of SECRETS) out = out.replace(pattern, replacement);
  return out;
}

function scalar(value: unknown): string | number | boolean | null | undefined {
  if (typeof value === 'number' || typeof value === 'boolean' || value === null) return value;
  if (typeof value === 'string') return redactText(value);
  return undefined;
}

/** One pino line reduced to what support may see; null for anything that is not a log line. */
function cleanLine(line: string): string | null {
  let entry: unknown;
  try {
    entry = JSON.parse(line);
  } catch {
    return null;
  }
  if (!entry || typeof entry !== 'object' || Array.isArray(entry)) return null;
  const out: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(entry)) {
    if (KEPT_FIELDS.has(key)) {
      const v = scalar(value);
      if (v !== undefined) out[key] = v;
    } else if (key === 'err' && value && typeof value === 'object') {
      // An error's kind and codes, not its message: messages are free text and can quote
      // whatever the failing call was given (a title, a body, a path, a token).
      const err = value as Record<string, unknown>;
      const kept: Record<string, unknown> = {};
      for (const k of ['type', 'code', 'reason', 'errno', 'syscall', 'statusCode']) {
        const v = scalar(err[k]);
        if (v !== undefined) kept[k] = v;
      }
      out.err = kept;
    }
  }
  return JSON.stringify(out);
}

/** The cleaned lines of the last `days` days of `<logDir>/warta-*.log`, oldest first. */
export function collectLogs(logDir: string, days: number, now = new Date()): string[] {
  const oldest = logFileFor(new Date(now.getTime() - (days - 1) * 86_400_000));
  let names: string[];
  try {
    names = readdirSync(logDir).filter((f) => LOG_FILE.test(f) && f >= oldest);
  } catch {
    return [];
  }
  const lines: string[] = [];
  for (const name of names.sort()) {
    for (const line of readFileSync(join(logDir, name), 'utf8').split('\n')) {
      const clean = line.trim() ? cleanLine(line) : null;
      if (clean) lines.push(clean);
    }
  }
  return lines;
}
