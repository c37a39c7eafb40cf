import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { Autosaver, type SaveState } from '../../src/renderer/editor/autosave';

type Patch = Record<string, string>;

/** A save the test settles by hand, to hold a request "in flight". */
interface Call {
  patch: Patch;
  resolve: () => void;
  reject: (error: Error) => void;
}

function setup(options: { debounceMs?: number; maxWaitMs?: number; retryMs?: number } = {}) {
  const calls: Call[] = [];
  const states: SaveState[] = [];
  let inFlight = 0;
  let maxInFlight = 0;
  const saver = new Autosaver<Patch>({
    debounceMs: options.debounceMs ?? 600,
    maxWaitMs: options.maxWaitMs ?? 2000,
    retryMs: options.retryMs ?? 1000,
    merge: (older, newer) => ({ ...older, ...newer }),
    describeError: (e) => (e instanceof Error ? e.message : String(e)),
    onState: (s) => states.push(s),
    save: (patch) =>
      new Promise<void>((resolve, reject) => {
        inFlight += 1;
        maxInFlight = Math.max(maxInFlight, inFlight);
        calls.push({
          patch,
          resolve: () => {
            inFlight -= 1;
            resolve();
          },
          reject: (error) => {
            inFlight -= 1;
            reject(error);
          },
        });
      }),
  });
  return { saver, calls, states, maxInFlight: () => maxInFlight };
}

const settle = () => vi.advanceTimersByTimeAsync(0);

describe('Autosaver', () => {
  beforeEach(() => vi.useFakeTimers());
  afterEach(() => vi.useRealTimers());

  it('waits for a pause in typing, then saves everything typed as one patch', async () => {
    const { saver, calls, states } = setup();
    saver.change({ title: 'K' });
    await vi.advanceTimersByTimeAsync(300);
    saver.change({ title: 'KPU' });
    saver.change({ dateline: 'Blora' });
    await vi.advanceTimersByTimeAsync(599);
    expect(calls).toHaveLength(0);
    expect(states.at(-1)).toEqual({ kind: 'dirty' });
    await vi.advanceTimersByTimeAsync(1);
    expect(calls.map((c) => c.patch)).toEqual([{ title: 'KPU', dateline: 'Blora' }]);
    expect(states.at(-1)).toEqual({ kind: 'saving' });
    calls[0]!.resolve();
    await settle();
    expect(states.at(-1)?.kind).toBe('saved');
    expect(saver.hasUnsaved).toBe(false);
  });

  it('saves at least every max-wait while the writer never pauses', async () => {
    const { saver, calls } = setup({ debounceMs: 600, maxWaitMs: 2000 });
    for (let i = 0; i < 40; i += 1) {
      saver.change({ body: `v${i}` });
      await vi.advanceTimersByTimeAsync(250);
      calls.at(-1)?.resolve();
      await settle();
    }
    // 10 s of continuous typing: a save about every 2 s, not one at the end.
    expect(calls.length).toBeGreaterThanOrEqual(4);
  });

  it('never has two saves in flight; edits made meanwhile go next and the latest wins', async () => {
    const { saver, calls, states, maxInFlight } = setup();
    saver.change({ body: 'one' });
    await vi.advanceTimersByTimeAsync(600);
    expect(calls).toHaveLength(1);
    saver.change({ body: 'two' });
    saver.change({ title: 'T' });
    saver.change({ body: 'three' });
    await vi.advanceTimersByTimeAsync(5000);
    expect(calls).toHaveLength(1);
    // Still unsaved: the status must not claim otherwise.
    expect(states.at(-1)?.kind).not.toBe('saved');
    calls[0]!.resolve();
    await settle();
    expect(calls).toHaveLength(2);
    expect(calls[1]!.patch).toEqual({ body: 'three', title: 'T' });
    expect(states.at(-1)?.kind).toBe('saving');
    calls[1]!.resolve();
    await settle();
    expect(states.at(-1)?.kind).toBe('saved');
    expect(maxInFlight()).toBe(1);
  });

  it('keeps failed edits, reports the error and retries them with newer edits on top', async () => {
    const { saver, calls, states } = setup({ retryMs: 1000 });
    saver.change({ title: 'A', body: 'x' });
    await vi.advanceTimersByTimeAsync(600);
    calls[0]!.reject(new Error('disk full'));
    await settle();
    expect(states.at(-1)).toEqual({ kind: 'error', message: 'disk full' });
    expect(saver.hasUnsaved).toBe(true);
    saver.change({ body: 'y' });
    await vi.advanceTimersByTimeAsync(999);
    expect(calls).toHaveLength(1);
    await vi.advanceTimersByTimeAsync(1);
    expect(calls[1]!.patch).toEqual({ title: 'A', body: 'y' });
    calls[1]!.resolve();
    await settle();
    expect(states.at(-1)?.kind).toBe('saved');
  });

  it('backs off between repeated failures', async () => {
    const { saver, calls } = setup({ retryMs: 1000 });
    saver.change({ title: 'A' });
    await vi.advanceTimersByTimeAsync(600);
    calls[0]!.reject(new Error('busy'));
    await vi.advanceTimersByTimeAsync(1000);
    expect(calls).toHaveLength(2);
    calls[1]!.reject(new Error('busy'));
    await vi.advanceTimersByTimeAsync(1999);
    expect(calls).toHaveLength(2);
    await vi.advanceTimersByTimeAsync(1);
    expect(calls).toHaveLength(3);
  });

  it('flush saves at once and resolves true only when everything is stored', async () => {
    const { saver, calls } = setup();
    saver.change({ title: 'A' });
    const flushed = saver.flush();
    await settle();
    expect(calls).toHaveLength(1);
    saver.change({ title: 'B' });
    calls[0]!.resolve();
    await settle();
    expect(calls).toHaveLength(2);
    calls[1]!.resolve();
    await expect(flushed).resolves.toBe(true);
    expect(saver.hasUnsaved).toBe(false);
  });

  it('flush resolves false when the save fails, keeping the edits', async () => {
    const { saver, calls } = setup();
    saver.change({ title: 'A' });
    const flushed = saver.flush();
    await settle();
    calls[0]!.reject(new Error('nope'));
    await expect(flushed).resolves.toBe(false);
    expect(saver.hasUnsaved).toBe(true);
  });
});
