import type { DeviceIdentity, HqStorage, ReadScope } from '../storage/types';

/** The offices a device may read and annotate: its office, its province's offices, or all. */
export function readScope(storage: HqStorage, who: DeviceIdentity): ReadScope {
  if (who.person.role === 'admin' || who.person.scope === 'all') return { all: true };
  if (who.person.scope === 'province') {
    const key = (o: { provinceCode: string | null; province: string }): string =>
      o.provinceCode ?? `name:${o.province.toLowerCase()}`;
    const mine = key(who.office);
    return {
      all: false,
      officeIds: storage
        .listOffices()
        .filter((o) => key(o) === mine)
        .map((o) => o.id),
    };
  }
  return { all: false, officeIds: [who.office.id] };
}

export const inScope = (scope: ReadScope, officeId: string): boolean => scope.all || scope.officeIds.includes(officeId);

/** Release contents: a writer only in their own office; reviewers within their scope; admin everywhere. */
export function mayWriteRelease(who: DeviceIdentity, scope: ReadScope, officeId: string): boolean {
  if (who.person.role === 'penulis') return officeId === who.office.id;
  return inScope(scope, officeId);
}
