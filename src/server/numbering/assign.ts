import { counterScope, formatNumber, NumberPatternSchema } from '../../shared/numbering';
import type { HqStorage } from '../storage/types';

type NumberStorage = Pick<
  HqStorage,
  'getOffice' | 'officeSettings' | 'releaseNumber' | 'nextNumberSeq' | 'insertReleaseNumber'
>;

/**
 * The release's number, giving it the office's next one if it has none yet. HQ alone numbers
 * releases (inside the push transaction), so two workstations writing offline at the same time
 * can never both take a number: each gets one when its release first reaches HQ. An office
 * without a `numberPattern` gives none (''). A number the office already gave (its admin
 * changed the pattern back, say) is skipped, never given twice.
 */
export function assignNumber(
  storage: NumberStorage,
  releaseId: string,
  officeId: string,
  date: string,
  at: string,
): string {
  const existing = storage.releaseNumber(releaseId);
  if (existing !== null) return existing;
  const office = storage.getOffice(officeId);
  const pattern = NumberPatternSchema.safeParse(storage.officeSettings(officeId)['numberPattern']);
  if (!office || !pattern.success) return '';
  const scope = counterScope(pattern.data, date);
  for (let tries = 0; tries < 10_000; tries++) {
    const number = formatNumber(pattern.data, {
      seq: storage.nextNumberSeq(officeId, scope),
      date,
      regencyCode: office.regencyCode,
      provinceCode: office.provinceCode,
    });
    if (storage.insertReleaseNumber({ officeId, number, releaseId, assignedAt: at })) return number;
  }
  throw new Error(`office ${officeId}: no free release number in scope "${scope}"`);
}
