import { join } from 'node:path';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll } from 'vitest';
import { launchChromium } from './browser';
import { rpc } from './rpc';
import { startHq, type Hq } from './hq';
import { makeTempDir } from './tmp';
import { assertRendererBuilt, startWebHost, type RunningWebHost, type StartOptions } from './web-host';

export interface BrowserSuite {
  /** The suite's temp dir, removed after the suite. */
  readonly dir: string;
  /** Headless Chromium, launched before the suite's first test. */
  readonly browser: Browser;
  /** The web host started with the browser (`{ host: true }`), data in `<dir>/ws`. */
  readonly host: RunningWebHost;
  /** The HQ started with the browser (`{ hq: true }`), data in `<dir>/hq`. */
  readonly hq: Hq;
  /** Starts another web host with its data in `<dir>/<name>`; stopped after the suite. */
  startHost(name: string, options?: Omit<StartOptions, 'dataDir'>): Promise<RunningWebHost>;
  /** Enrolls `host` with the suite's HQ as `person` of KPU Kabupaten Blora, over the contract. */
  connectToHq(host: RunningWebHost, person: string): Promise<void>;
}

/**
 * The setup every browser test repeated: check that out/renderer is built, launch Chromium
 * (with a web host and/or an HQ started alongside, in parallel, when asked), and after the
 * suite close the browser, stop every host, close the HQ and remove the temp dir. Call it
 * inside `describe`; a file's own afterAll hooks run before this one (vitest runs after-hooks
 * in reverse order), so whatever they close still has its data dir.
 */
export function browserSuite(prefix: string, options: { host?: boolean; hq?: boolean } = {}): BrowserSuite {
  const tmp = makeTempDir(prefix);
  const hosts: RunningWebHost[] = [];
  let browser: Browser | undefined;
  let host: RunningWebHost | undefined;
  let hq: Hq | undefined;

  const startHost = async (name: string, more: Omit<StartOptions, 'dataDir'> = {}): Promise<RunningWebHost> => {
    const started = await startWebHost({ ...more, dataDir: join(tmp.dir, name) });
    hosts.push(started);
    return started;
  };
  const ready = <T>(value: T | undefined, what: string): T => {
    if (value === undefined) throw new Error(`browserSuite: no ${what} (not asked for, or setup failed)`);
    return value;
  };

  beforeAll(async () => {
    assertRendererBuilt();
    [browser, host, hq] = await Promise.all([
      launchChromium(),
      options.host ? startHost('ws') : undefined,
      options.hq ? startHq(join(tmp.dir, 'hq')) : undefined,
    ]);
  });

  afterAll(async () => {
    await browser?.close();
    for (const h of hosts) await h.kill('SIGTERM');
    await hq?.close();
    tmp.cleanup();
  });

  return {
    dir: tmp.dir,
    get browser() {
      return ready(browser, 'browser');
    },
    get host() {
      return ready(host, 'host');
    },
    get hq() {
      return ready(hq, 'hq');
    },
    startHost,
    async connectToHq(target, person) {
      const hqNow = ready(hq, 'hq');
      await rpc(target, 'connectToHq', { serverUrl: hqNow.url, code: await hqNow.code('KPU Kabupaten Blora', person) });
    },
  };
}
