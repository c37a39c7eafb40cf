/** Timestamps as ISO-8601 UTC strings (TimestampSchema); one place so tests can read the format. */
export const nowIso = (): string => new Date().toISOString();

/** Today's date in the workstation's own time zone, as YYYY-MM-DD. */
export function localDate(d: Date = new Date()): string {
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}`;
}

/** A filename-safe stamp, e.g. 20251204-104233-517. */
export function fileStamp(d: Date = new Date()): string {
  return d.toISOString().replace(/[-:]/g, '').replace('T', '-').replace('.', '-').replace('Z', '');
}
