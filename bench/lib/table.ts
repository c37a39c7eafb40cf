/** The closing table: every recorded figure with its target and whether it is met. */
import { formatNumber, meets, type Figure } from './report';

export function renderTable(figures: readonly Figure[]): string {
  const rows = figures.map((f) => {
    const ok = meets(f);
    return [
      f.suite,
      f.name,
      `${formatNumber(f.value)} ${f.unit}`,
      f.spread ? `${formatNumber(f.spread.min)}–${formatNumber(f.spread.max)} (${f.spread.runs})` : '',
      f.target ? `${f.target.op} ${formatNumber(f.target.value)}` : '',
      ok === null ? '' : ok ? 'met' : 'MISSED',
    ];
  });
  const header = ['suite', 'figure', 'value', 'spread (runs)', 'target', ''];
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i]!.length)));
  const line = (cells: readonly string[]) =>
    cells
      .map((c, i) => c.padEnd(widths[i]!))
      .join('  ')
      .trimEnd();
  return [line(header), line(widths.map((w) => '-'.repeat(w))), ...rows.map(line)].join('\n');
}
