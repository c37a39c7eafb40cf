import { describe, expect, it } from 'vitest';
import type { Handlers } from '../../src/shared/contract';
import { createClient } from '../../src/shared/contract/client';
import { EnvelopeSchema, WartaError } from '../../src/shared/contract/define';
import { dispatch } from '../../src/shared/contract/dispatch';

const ID = '0192f5a0-0000-7000-8000-000000000001';

const handlers = {
  getRelease: ({ id }: { id: string }) => {
    throw new WartaError('not_found', 'release.notFound', { id });
  },
  deleteRelease: () => {
    throw new Error('SQLITE_MISUSE: secret internals');
  },
} as unknown as Handlers;

describe('dispatch envelopes', () => {
  it("carry a service failure's reason and params next to its Indonesian message", async () => {
    const out = await dispatch(handlers, 'getRelease', { id: ID }, () => {});
    expect(out).toEqual({
      ok: false,
      error: {
        code: 'not_found',
        reason: 'release.notFound',
        params: { id: ID },
        message: `Rilis ${ID} tidak ditemukan.`,
      },
    });
  });

  it('name invalid input by reason and keep the zod detail in the message', async () => {
    const out = await dispatch(handlers, 'getRelease', { id: 7 }, () => {});
    expect(out.ok).toBe(false);
    if (out.ok) return;
    expect(out.error).toMatchObject({
      code: 'invalid_input',
      reason: 'contract.invalidInput',
      params: { method: 'getRelease' },
    });
    expect(out.error.message).toMatch(/^getRelease: /);
  });

  it('name an unknown method by reason', async () => {
    const out = await dispatch(handlers, 'noSuchThing', {}, () => {});
    expect(out).toMatchObject({ ok: false, error: { code: 'unknown_method', reason: 'contract.unknownMethod' } });
  });

  it('turn an unexpected exception into the internal reason, its text only in the message and the log', async () => {
    const logged: unknown[] = [];
    const out = await dispatch(handlers, 'deleteRelease', { id: ID }, (_, error) => logged.push(error));
    expect(out).toMatchObject({ ok: false, error: { code: 'internal', reason: 'internal', params: {} } });
    expect(logged).toHaveLength(1);
  });

  it('the client rebuilds the error with reason and params; an older peer without them still parses', async () => {
    const client = createClient((name, input) => dispatch(handlers, name, input, () => {}));
    const error = await client.getRelease({ id: ID }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(WartaError);
    expect(error).toMatchObject({ code: 'not_found', reason: 'release.notFound', params: { id: ID } });

    const old = { ok: false, error: { code: 'conflict', message: 'Rilis sudah berubah' } };
    expect(EnvelopeSchema.parse(old)).toEqual(old);
    const fromOld = await createClient(() => Promise.resolve(old))
      .getRelease({ id: ID })
      .catch((e: unknown) => e);
    expect(fromOld).toMatchObject({ code: 'conflict', reason: undefined, message: 'Rilis sudah berubah' });
  });
});
