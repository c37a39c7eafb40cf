import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { runInNewContext } from 'node:vm';
import { beforeAll, describe, expect, it } from 'vitest';
import { METHOD_NAMES } from '../../src/shared/contract';
import { REPO_ROOT } from '../helpers';

const BUNDLE = join(REPO_ROOT, 'out/preload/index.cjs');

interface Loaded {
  exposed: Map<string, unknown>;
  invokes: { channel: string; args: unknown[] }[];
  required: string[];
}

/**
 * Runs the built preload bundle the way a sandboxed Electron preload runs: a fresh
 * context whose `require` knows only `electron` (here a recording fake of the two APIs
 * the preload may use). Anything else it tries to require fails the test.
 */
function loadPreload(): Loaded {
  const exposed = new Map<string, unknown>();
  const invokes: Loaded['invokes'] = [];
  const required: string[] = [];
  const electron = {
    contextBridge: {
      exposeInMainWorld: (key: string, api: unknown) => {
        if (exposed.has(key)) throw new Error(`exposed twice: ${key}`);
        exposed.set(key, api);
      },
    },
    ipcRenderer: {
      invoke: (channel: string, ...args: unknown[]) => {
        invokes.push({ channel, args });
        return Promise.resolve({ ok: true, value: channel });
      },
    },
  };
  const module = { exports: {} };
  const sandboxRequire = (name: string): unknown => {
    required.push(name);
    if (name === 'electron') return electron;
    throw new Error(`a sandboxed preload cannot require "${name}"`);
  };
  runInNewContext(
    readFileSync(BUNDLE, 'utf8'),
    { require: sandboxRequire, module, exports: module.exports, console },
    { filename: BUNDLE },
  );
  return { exposed, invokes, required };
}

describe('preload bundle', () => {
  beforeAll(() => {
    if (!existsSync(BUNDLE)) throw new Error('out/preload/index.cjs is not built; run "npx electron-vite build"');
  });

  it('is one CommonJS file that requires nothing but electron', () => {
    const { required } = loadPreload();
    expect(new Set(required)).toEqual(new Set(['electron']));
  });

  it('exposes only window.warta, with exactly the contract methods as functions', () => {
    const { exposed } = loadPreload();
    expect([...exposed.keys()]).toEqual(['warta']);
    const api = exposed.get('warta') as Record<string, unknown>;
    expect(Object.keys(api).sort()).toEqual([...METHOD_NAMES].sort());
    for (const name of METHOD_NAMES) expect(typeof api[name]).toBe('function');
    // nothing raw rides along
    for (const raw of ['invoke', 'send', 'on', 'ipcRenderer', 'require', 'process']) expect(api[raw]).toBeUndefined();
    expect(Object.isFrozen(api)).toBe(true);
  });

  it('forwards each method to its own warta:<name> channel with the input unchanged', async () => {
    const { exposed, invokes } = loadPreload();
    const api = exposed.get('warta') as Record<string, (input: unknown) => Promise<unknown>>;
    for (const name of METHOD_NAMES) {
      const input = { probe: name };
      const reply = await api[name]!(input);
      expect(reply).toEqual({ ok: true, value: `warta:${name}` });
      const last = invokes.at(-1);
      expect(last?.channel).toBe(`warta:${name}`);
      expect(last?.args).toEqual([input]);
    }
    expect(invokes).toHaveLength(METHOD_NAMES.length);
  });
});
