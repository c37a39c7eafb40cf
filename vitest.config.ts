import { defineConfig } from 'vitest/config';

// Three projects, classified by where a test lives so that new files land sensibly:
// - unit: pure code and the SQLite store in-process; no build, browser, listening server or child process.
// - e2e: launches Chromium or runs the built app (out/), so it needs `npm run build` first.
// - integration: the rest (HQ and sync over loopback HTTP, child processes, tmpfs mounts).
const UNIT = [
  'tests/node/**/*.test.ts',
  'tests/shared/**/*.test.ts',
  'tests/editor/**/*.test.ts',
  'tests/merge/**/*.test.ts',
  'tests/store/**/!(crash|full-disk).test.ts',
  'tests/review/**/!(sync|sync-faults).test.ts',
  'tests/publish/{gate,public-url}.test.ts',
  'tests/renderer/autosave.test.ts',
  'tests/security/secrets.test.ts',
  'tests/build/**/!(dist-offline).test.ts',
];
const E2E = [
  'tests/e2e/**/*.test.ts',
  'tests/renderer/**/*.test.ts',
  'tests/security/**/*.test.ts',
  'tests/publish/browser.test.ts',
];

// The web host and HQ run as child processes from one bundle per run instead of through tsx.
const BUNDLE_CLIS = 'tests/helpers/cli-bundles.ts';

export default defineConfig({
  test: {
    environment: 'node',
    pool: 'forks',
    maxWorkers: 2,
    testTimeout: 60_000,
    hookTimeout: 120_000,
    projects: [
      { extends: true, test: { name: 'unit', include: UNIT } },
      {
        extends: true,
        test: {
          name: 'integration',
          include: ['tests/**/*.test.ts'],
          exclude: [...UNIT, ...E2E],
          globalSetup: [BUNDLE_CLIS],
        },
      },
      { extends: true, test: { name: 'e2e', include: E2E, exclude: UNIT, globalSetup: [BUNDLE_CLIS] } },
    ],
  },
});
