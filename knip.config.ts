import type { KnipConfig } from 'knip';

// The electron-vite, vitest and eslint plugins find their own entries (main, preload and renderer
// inputs, test and bench files, the config files); package.json scripts add the two CLIs and
// bench/run.ts. Listed here is only what nothing else names.
const config: KnipConfig = {
  entry: [
    // launch.mjs is imported by start/dev; make-icons.mjs is run by hand (see README).
    'scripts/*.mjs',
    // Run as child processes by tests (by file path, not import).
    'tests/sync/helpers/sync-child.ts',
    'tests/store/fixtures/save-stream.ts',
    // The sync benchmark's servers, each started in its own process by path.
    'bench/peer/*-server.ts',
  ],
  project: ['src/**/*.{ts,tsx}', 'scripts/**/*.mjs', 'bench/**/*.ts', 'tests/**/*.ts', '*.{ts,js}'],
  ignoreDependencies: [
    // Loaded with createRequire in bench/public.bench.ts (it ships no types to import with).
    'autocannon',
    // Brings node-gyp, which scripts/launch.mjs runs by path to build better-sqlite3 for Electron.
    '@electron/rebuild',
    // Its CLI is run by scripts/dist.mjs as a child process (`npm run dist`).
    'electron-builder',
  ],
  // System tools the full-disk test runs to mount a small tmpfs (or a loop-mounted ext2 image).
  ignoreBinaries: ['mount', 'umount', 'mkfs.ext2'],
};

export default config;
