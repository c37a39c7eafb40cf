const DAYS_ID = ['Minggu', 'Senin', 'Selasa', 'Rabu', 'Kamis', 'Jumat', 'Sabtu'];

/**
 * KPU house style for the release date, "Kamis (4/12/2025)": always Indonesian, it is part of
 * the text. A date that is not a real `YYYY-MM-DD` day is shown as written.
 */
function houseDate(isoDate: string): string {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(isoDate);
  if (!m) return isoDate;
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  // UTC: a calendar day, never shifted by the machine's time zone.
  const day = new Date(Date.UTC(y, mo - 1, d));
  if (day.getUTCFullYear() !== y || day.getUTCMonth() !== mo - 1 || day.getUTCDate() !== d) return isoDate;
  return `${DAYS_ID[day.getUTCDay()]} (${d}/${mo}/${y})`;
}

/** The dateline as it opens the release: "Blora – Kamis (4/12/2025)"; without a place just the date. */
export function dateline(place: string, isoDate: string): string {
  const when = houseDate(isoDate);
  const where = place.trim();
  return where ? `${where} – ${when}` : when;
}
