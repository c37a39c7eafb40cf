import { z } from 'zod';

/**
 * Zod compiles fast parsers with `new Function` when it can; under our CSP (no 'unsafe-eval')
 * merely probing for that raises a CSP violation. Parse without code generation instead.
 */
z.config({ jitless: true });
