import { PULL_DEFAULT_LIMIT, PULL_MAX_LIMIT } from '../../../shared/sync/protocol';

/** A page that came this fast on a full page means the link can take a bigger one. */
const FAST_MS = 2_000;
/** A page this slow risks the request timeout on a weak link: ask for less. */
const SLOW_MS = 10_000;

/**
 * How many changes to ask HQ for per pull page. Every page costs a round trip and a durable
 * commit here, so a first sync over a good link goes fastest in HQ's largest pages; on a weak
 * provincial link a large page can outlast the request timeout, and an interrupted pull
 * starts again from the last whole page. So it starts at the protocol's default, doubles
 * while full pages come back fast, and halves when one is slow. A fixed size (tests) stays.
 */
export function pageSizer(fixed?: number): { limit(): number; pageTook(ms: number, changes: number): void } {
  let limit = fixed ?? PULL_DEFAULT_LIMIT;
  return {
    limit: () => limit,
    pageTook(ms, changes) {
      if (fixed !== undefined) return;
      if (ms < FAST_MS && changes >= limit) limit = Math.min(PULL_MAX_LIMIT, limit * 2);
      else if (ms > SLOW_MS) limit = Math.max(Math.floor(PULL_DEFAULT_LIMIT / 4), Math.floor(limit / 2));
    },
  };
}
