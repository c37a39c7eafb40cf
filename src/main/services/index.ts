import { METHOD_NAMES, WartaError, type Handlers, type MethodName } from '../../shared/contract';
import type { Services, ServicesOptions } from './types';

export type { Logger, MediaFile, Services, ServicesOptions } from './types';
export type { SecretStore } from './secrets';

/**
 * Methods no area implements yet answer with a clear error instead of leaving a hole in
 * the contract (the preload and both transports always carry every method).
 */
function fillMissing(partial: Partial<Handlers>): Handlers {
  const out: Record<string, unknown> = { ...partial };
  for (const name of METHOD_NAMES) {
    if (typeof out[name] === 'function') continue;
    out[name] = () => {
      throw new WartaError('internal', `${name as MethodName} is not available in this build`);
    };
  }
  return out as Handlers;
}

/** Composition root (provisional until the store lands). */
export async function createServices(_opts: ServicesOptions): Promise<Services> {
  return { handlers: fillMissing({}), mediaLookup: () => null, close: async () => {} };
}
