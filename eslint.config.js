// Lint, including the one-way import layering of docs/ARCHITECTURE.md:
// renderer → shared, preload → shared, main → node → shared, server → node → shared.
import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import globals from 'globals';
import prettier from 'eslint-config-prettier';

const nodeBuiltins = [
  'node:*',
  'fs',
  'path',
  'os',
  'crypto',
  'child_process',
  'http',
  'https',
  'net',
  'url',
  'stream',
  'worker_threads',
];
const layer = (patterns) => ({ 'no-restricted-imports': ['error', { patterns }] });
const forbid = (group, message) => ({ group, message });
/** Import patterns for source folders, e.g. folders('main') → any path into src/main. */
const folders = (...names) => names.flatMap((name) => [`**/${name}`, `**/${name}/**`]);

export default tseslint.config(
  { ignores: ['out/**', 'node_modules/**', 'dist/**', 'coverage/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  prettier,
  {
    languageOptions: { globals: { ...globals.node } },
    rules: {
      '@typescript-eslint/no-explicit-any': 'error',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
    },
  },
  {
    files: ['src/shared/**'],
    rules: layer([
      forbid(['electron', ...nodeBuiltins], 'src/shared is pure TypeScript: no electron, node:* or DOM.'),
      forbid(
        folders('main', 'renderer', 'server', 'preload', 'node'),
        'src/shared imports nothing from the process folders or src/node.',
      ),
      forbid(
        ['better-sqlite3', 'fastify', 'react', 'react-dom'],
        'src/shared stays free of process-specific libraries.',
      ),
    ]),
  },
  {
    files: ['src/renderer/**'],
    languageOptions: { globals: { ...globals.browser } },
    rules: layer([
      forbid(
        ['electron', ...nodeBuiltins, 'better-sqlite3'],
        'The renderer has no Node: talk to main through the contract in src/shared.',
      ),
      forbid(folders('main', 'server', 'preload', 'node'), 'The renderer imports only src/shared.'),
    ]),
  },
  {
    files: ['src/preload/**'],
    rules: layer([forbid(folders('main', 'server', 'renderer', 'node'), 'The preload imports only src/shared.')]),
  },
  {
    files: ['src/main/**'],
    ignores: ['src/main/shell/**'],
    rules: layer([
      forbid(['electron'], 'Only the thin shell in src/main/shell imports electron; services must load without it.'),
      forbid(
        folders('server', 'renderer', 'preload'),
        'src/main imports only src/node and src/shared (main → node → shared).',
      ),
    ]),
  },
  {
    files: ['src/main/shell/**'],
    rules: layer([
      forbid(
        folders('server', 'renderer', 'preload', 'web'),
        'The shell never imports the HQ server, renderer, preload or the web host.',
      ),
    ]),
  },
  {
    files: ['src/node/**'],
    rules: layer([
      forbid(['electron'], 'src/node runs in plain Node for both the workstation and HQ: no electron.'),
      forbid(
        folders('main', 'server', 'renderer', 'preload'),
        'src/node imports only src/shared (main → node → shared, server → node → shared).',
      ),
    ]),
  },
  {
    files: ['src/server/**'],
    rules: layer([
      forbid(['electron'], 'HQ never imports electron.'),
      forbid(
        folders('main', 'renderer', 'preload'),
        'src/server imports only src/node and src/shared (server → node → shared).',
      ),
    ]),
  },
  ...mainOwnership(),
);

// Inside src/main: one module owns the SQL of each table family (store/** the releases and
// their history, outbox, settings, notices and search; sync/tables the sync_* tables;
// review/tables the review_* tables; templates/tables the template outbox), and the features (store, services, sync, review) reach
// each other only through index.ts. The shell and the web host are entry layers on top: they
// use the services' index like everyone else.
// A function declaration, so the config call above can use it from here at the end.
function mainOwnership() {
  const sqlOwners = [
    'src/main/store/**',
    'src/main/sync/tables/**',
    'src/main/review/tables/**',
    'src/main/templates/tables/**',
    // The data-dir lock is a database of its own, with no tables.
    'src/main/services/data-dir-lock.ts',
  ];
  const throughIndex = ['sync', 'review', 'store', 'services', 'templates'].flatMap((feature) =>
    ['ImportDeclaration', 'ExportNamedDeclaration', 'ExportAllDeclaration'].map((node) => ({
      selector: `${node}[source.value=/^(\\.\\.\\/)+${feature}\\/./]`,
      message: `Import src/main/${feature} through its index.ts; its other files are its own business.`,
    })),
  );
  const sqlOutsideOwner = [
    {
      selector: 'CallExpression[callee.property.name=/^(prepare|exec)$/]:not([callee.object.regex])',
      message:
        'SQL lives in the module that owns the table (store/**, sync/tables, review/tables, templates/tables): call a function there.',
    },
    {
      selector: 'ImportDeclaration[source.value=/\\/statements$/]',
      message: 'The statement cache is for the table-owning modules only.',
    },
  ];
  return [
    {
      files: ['src/main/**'],
      rules: { 'no-restricted-syntax': ['error', ...sqlOutsideOwner, ...throughIndex] },
    },
    {
      // The owners may run SQL; the index rule still holds for them.
      files: sqlOwners,
      rules: { 'no-restricted-syntax': ['error', ...throughIndex] },
    },
  ];
}
