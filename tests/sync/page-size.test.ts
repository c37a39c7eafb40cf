/**
 * Pull page sizes: a first sync over a good link climbs to HQ's largest pages (fewer round
 * trips and commits); a page slow enough to risk the request timeout on a weak link makes
 * the next ones smaller; a size the caller fixed never moves.
 */
import { expect, it } from 'vitest';
import { pageSizer } from '../../src/main/sync/pull/page-size';
import { PULL_DEFAULT_LIMIT, PULL_MAX_LIMIT } from '../../src/shared/sync/protocol';

it('doubles while full pages come back fast, up to the most HQ gives', () => {
  const size = pageSizer();
  const seen = [size.limit()];
  for (let i = 0; i < 6; i += 1) {
    size.pageTook(300, size.limit());
    seen.push(size.limit());
  }
  expect(seen).toEqual([PULL_DEFAULT_LIMIT, 200, 400, PULL_MAX_LIMIT, PULL_MAX_LIMIT, PULL_MAX_LIMIT, PULL_MAX_LIMIT]);
});

it('does not grow on a short page (the end of the log, or HQ cut it by bytes)', () => {
  const size = pageSizer();
  size.pageTook(300, 40);
  expect(size.limit()).toBe(PULL_DEFAULT_LIMIT);
});

it('halves after a slow page, down to a floor', () => {
  const size = pageSizer();
  size.pageTook(300, 100);
  size.pageTook(300, 200);
  expect(size.limit()).toBe(400);
  const seen: number[] = [];
  for (let i = 0; i < 6; i += 1) {
    size.pageTook(15_000, size.limit());
    seen.push(size.limit());
  }
  expect(seen).toEqual([200, 100, 50, 25, 25, 25]);
});

it('keeps a fixed size', () => {
  const size = pageSizer(7);
  size.pageTook(10, 7);
  size.pageTook(60_000, 7);
  expect(size.limit()).toBe(7);
});
