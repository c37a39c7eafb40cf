import { mkdirSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { REPO_ROOT } from './spawn';

/**
 * A vitest globalSetup. The browser and HQ tests start the web host and HQ as child processes
 * some fifty times per run; through tsx each start transforms and resolves hundreds of source
 * files again (about 5 CPU-seconds on this 2-core machine, against about 1 for one bundled
 * file). So the two CLIs are bundled once per run, with esbuild (the transformer tsx itself
 * uses), and the helpers start the bundles, found through the environment the test processes
 * inherit. Only source is bundled: the packages load from node_modules as they do under tsx.
 * Without esbuild, or outside vitest (benchmarks), the helpers run the source through tsx, and
 * tests/e2e/web-cli.test.ts always does, so the documented way of starting stays covered;
 * WARTA_TEST_FROM_SOURCE=1 makes every test do so (to rule the bundling out when hunting a bug).
 *
 * The bundles live under node_modules/.cache so that import.meta.url still resolves the
 * repository root three levels up, as from src/main/web/cli.ts, and package imports resolve.
 */
const BUNDLED_CLIS = {
  WARTA_TEST_WEB_CLI: 'src/main/web/cli.ts',
  WARTA_TEST_HQ_CLI: 'src/server/cli.ts',
} as const;

export default async function bundleClis(): Promise<() => void> {
  const outDir = join(REPO_ROOT, 'node_modules', '.cache', `warta-test-clis-${process.pid}`);
  let esbuild: typeof import('esbuild');
  if (process.env.WARTA_TEST_FROM_SOURCE === '1') return () => undefined;
  try {
    esbuild = await import('esbuild');
  } catch {
    return () => undefined;
  }
  mkdirSync(outDir, { recursive: true });
  await Promise.all(
    Object.entries(BUNDLED_CLIS).map(async ([variable, entry]) => {
      const outfile = join(outDir, `${variable.toLowerCase()}.mjs`);
      await esbuild.build({
        entryPoints: [join(REPO_ROOT, entry)],
        bundle: true,
        packages: 'external',
        platform: 'node',
        format: 'esm',
        target: 'node20',
        outfile,
        logLevel: 'silent',
      });
      process.env[variable] = outfile;
    }),
  );
  return () => {
    for (const variable of Object.keys(BUNDLED_CLIS)) delete process.env[variable];
    rmSync(outDir, { recursive: true, force: true });
  };
}
