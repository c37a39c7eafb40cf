import { appendFileSync, readdirSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { Writable } from 'node:stream';
import { ensurePrivateDir } from '../fs/private-dir';

/** `warta-YYYY-MM-DD.log` (UTC day): what the log files are called, for the support bundle too. */
export const LOG_FILE = /^warta-(\d{4}-\d{2}-\d{2})\.log$/;
export const logFileFor = (day: Date): string => `warta-${day.toISOString().slice(0, 10)}.log`;

/**
 * A stream of JSON log lines kept as one file per day under `dir` (owner-only), with files
 * older than `keepDays` removed, so support can ask for "the last few days" and the folder
 * never grows without bound. Writes are appends of whole lines; a failure to write a log
 * line is swallowed (logging must never stop the app).
 */
export function dailyLogStream(dir: string, keepDays = 14, now: () => Date = () => new Date()): Writable {
  let ready = false;
  let today = '';
  return new Writable({
    write(chunk: Buffer | string, _enc, done) {
      try {
        if (!ready) {
          ensurePrivateDir(dir);
          ready = true;
        }
        const day = now();
        const name = logFileFor(day);
        if (name !== today) {
          today = name;
          const oldest = logFileFor(new Date(day.getTime() - keepDays * 86_400_000));
          for (const f of readdirSync(dir)) if (LOG_FILE.test(f) && f < oldest) rmSync(join(dir, f), { force: true });
        }
        appendFileSync(join(dir, name), chunk, { mode: 0o600 });
      } catch {
        // A full or read-only disk must not take the app down with it: the line goes to stderr only.
      }
      done();
    },
  });
}

/** Writes every chunk to each of `streams` (stderr and the daily file). */
export function teeStream(...streams: NodeJS.WritableStream[]): Writable {
  return new Writable({
    write(chunk: Buffer | string, _enc, done) {
      for (const s of streams) s.write(chunk);
      done();
    },
  });
}
