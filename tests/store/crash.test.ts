import { spawn } from 'node:child_process';
import { existsSync, readdirSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterEach, describe, expect, it } from 'vitest';
import type { DocNode } from '../../src/shared/domain/doc';
import { openStore } from '../../src/main/store';
import { seededRandom } from '../../src/shared/random/seeded';
import { removeTempDirs, tempDir } from '../helpers/tmp';

afterEach(() => removeTempDirs());

const FIXTURE = fileURLToPath(new URL('./fixtures/save-stream.ts', import.meta.url));
const ROUNDS = Number(process.env.WARTA_CRASH_ROUNDS ?? 50);
const SEED = Number(process.env.WARTA_CRASH_SEED ?? 20251204);

/**
 * How to start the fixture. Bundling it once with esbuild (the transformer tsx itself uses)
 * cuts each restart from ~1.5 s to ~0.4 s on a loaded 2-core machine, which is what keeps
 * 50 rounds near a minute; if esbuild can't be loaded the fixture runs through tsx as is.
 */
async function fixtureCommand(outDir: string): Promise<string[]> {
  try {
    const esbuild = await import('esbuild');
    const sqlite = createRequire(import.meta.url).resolve('better-sqlite3');
    const outfile = join(outDir, 'save-stream.mjs');
    await esbuild.build({
      entryPoints: [FIXTURE],
      bundle: true,
      platform: 'node',
      format: 'esm',
      outfile,
      logLevel: 'silent',
      // The native addon stays where npm put it.
      plugins: [
        {
          name: 'native-sqlite',
          setup: (b) => void b.onResolve({ filter: /^better-sqlite3$/ }, () => ({ path: sqlite, external: true })),
        },
      ],
    });
    return [outfile];
  } catch {
    return ['--import', 'tsx', FIXTURE];
  }
}

interface Acked {
  rev: number;
  deleted: boolean;
}

interface RoundResult {
  acks: number;
  sawReady: boolean;
  stderr: string;
  signal: NodeJS.Signals | null;
  code: number | null;
}

/**
 * One life of the writer: start the child, let it save, SIGKILL it at a point chosen by
 * the seeded generator — sometimes during start-up (opening, checking, migrating), mostly
 * after some number of acknowledged saves, i.e. in the middle of the next transaction.
 */
function runRound(
  command: string[],
  dataDir: string,
  seed: number,
  rand: () => number,
  acked: Map<string, Acked>,
): Promise<RoundResult> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [...command, dataDir, String(seed)], { stdio: ['ignore', 'pipe', 'pipe'] });
    const early = rand() < 0.15;
    const killAfterAcks = 1 + Math.floor(rand() * 60);
    let acks = 0;
    let sawReady = false;
    let stderr = '';
    let buffer = '';
    let killed = false;
    const kill = () => {
      if (!killed) {
        killed = true;
        child.kill('SIGKILL');
      }
    };
    const watchdog = setTimeout(kill, 30_000);
    if (early) setTimeout(kill, Math.floor(rand() * 500));
    child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
    child.stdout.on('data', (d: Buffer) => {
      buffer += d.toString();
      let nl: number;
      while ((nl = buffer.indexOf('\n')) >= 0) {
        const line = buffer.slice(0, nl);
        buffer = buffer.slice(nl + 1);
        if (line === 'ready') sawReady = true;
        const m = /^(ack|del) (\S+) (\d+)$/.exec(line);
        if (!m) continue;
        // Only lines that arrived count: the child prints after the commit returned.
        acked.set(m[2]!, { rev: Number(m[3]), deleted: m[1] === 'del' });
        acks += 1;
        if (!early && acks >= killAfterAcks) kill();
      }
    });
    child.on('error', reject);
    child.on('exit', (code, signal) => {
      clearTimeout(watchdog);
      resolve({ acks, sawReady, stderr, signal, code });
    });
  });
}

const firstText = (body: DocNode) => body.content?.[0]?.content?.[0]?.text;

describe('crash safety', () => {
  it(
    `every acknowledged save survives SIGKILL at random points (${ROUNDS} rounds, seed ${SEED})`,
    { timeout: 600_000 },
    async () => {
      const dataDir = tempDir('warta-crash-');
      const command = await fixtureCommand(tempDir('warta-crash-bin-'));
      const rand = seededRandom(SEED);
      const acked = new Map<string, Acked>();
      let totalAcks = 0;
      for (let round = 0; round < ROUNDS; round += 1) {
        const result = await runRound(command, dataDir, SEED + round, rand, acked);
        const context = `round ${round} (seed ${SEED + round})`;
        // The child only ever ends by our SIGKILL; anything else is a crash of its own.
        expect(result.signal, `${context}: child exited by itself (code ${result.code}): ${result.stderr}`).toBe(
          'SIGKILL',
        );
        totalAcks += result.acks;

        const store = openStore({ dataDir });
        try {
          expect(store.recovery, `${context}: the database needed recovery`).toBeNull();
          expect(store.db.pragma('integrity_check', { simple: true }), context).toBe('ok');
          const row = store.db.prepare('SELECT body, title, local_rev, deleted_at FROM releases WHERE id = ?');
          const lastOutbox = store.db.prepare(
            'SELECT kind, local_rev FROM outbox WHERE release_id = ? ORDER BY seq DESC LIMIT 1',
          );
          for (const [id, want] of acked) {
            const r = row.get(id) as
              { body: string; title: string; local_rev: number; deleted_at: string | null } | undefined;
            expect(r, `${context}: acknowledged release ${id} is missing`).toBeDefined();
            // A later save may have committed without its ack reaching us; never an earlier state.
            expect(r!.local_rev, `${context}: ${id} went back from rev ${want.rev}`).toBeGreaterThanOrEqual(want.rev);
            if (want.deleted) expect(r!.deleted_at, `${context}: acknowledged delete of ${id} is lost`).not.toBeNull();
            if (r!.deleted_at === null) {
              // The content belongs to exactly the revision the row claims: no torn writes.
              expect(firstText(JSON.parse(r!.body) as DocNode), context).toBe(`${id} rev ${r!.local_rev}`);
              expect(r!.title, context).toBe(`Rilis ${id.slice(-6)} rev ${r!.local_rev}`);
            }
            // The outbox row was written in the same transaction as the change.
            expect(lastOutbox.get(id), `${context}: outbox out of step for ${id}`).toMatchObject({
              local_rev: r!.local_rev,
            });
          }
          const live = store.db.prepare('SELECT count(*) AS n FROM releases WHERE deleted_at IS NULL').get() as {
            n: number;
          };
          expect(
            store.db.prepare('SELECT count(*) AS n FROM release_search').get(),
            `${context}: search index out of step`,
          ).toEqual(live);
        } finally {
          store.close();
        }
      }
      // Guard against a vacuous pass: the stream really did run and get killed mid-way.
      expect(totalAcks).toBeGreaterThan(ROUNDS * 5);
      expect(acked.size).toBeGreaterThan(5);
      expect(readdirSync(dataDir).filter((f) => f.includes('rusak'))).toEqual([]);
      expect(existsSync(join(dataDir, 'warta.db'))).toBe(true);
    },
  );
});
