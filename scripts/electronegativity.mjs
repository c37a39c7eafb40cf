#!/usr/bin/env node
// Electronegativity (Doyensec's Electron security checks) over the desktop shell's TypeScript
// sources, src/main and src/preload, scanned together so its whole-app checks (CSP, navigation
// limits, permission handler) see both. Part of `npm run lint`: fails on a file it could not
// parse and on any finding not listed in EXCEPTIONS below, each with why it is safe — and on an
// exception that no longer matches anything, so the list never outlives the code it excuses.
import { cpSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const require = createRequire(import.meta.url);
const SCANNED = ['src/main', 'src/preload'];

/**
 * Findings reviewed and accepted: the check, the file, and a piece of the flagged line.
 */
const EXCEPTIONS = [
  {
    id: 'OPEN_EXTERNAL_JS_CHECK',
    file: 'src/main/shell/window.ts',
    line: 'isExternalLink(url)) void shell.openExternal(url)',
    why: 'A link in a release opens in the system browser, but only https: and mailto: URLs (isExternalLink parses the URL and allows those two schemes, never file:, smb: or custom handlers).',
  },
  {
    id: 'PRELOAD_JS_CHECK',
    file: 'src/main/shell/window.ts',
    line: 'preload: opts.preload',
    why: 'The preload (src/preload/index.ts) exposes through contextBridge one function per contract method, each invoking its own channel; no ipcRenderer, Node or Electron object reaches the page, and main validates every input with zod and checks the sender.',
  },
  {
    id: 'CSP_GLOBAL_CHECK',
    file: 'src/main/shell/index.ts',
    line: 'responseHeaders: {',
    why: "The policy is computed, so the check cannot read it: cspForPage takes the built page's own <meta> CSP (default-src 'self', no inline or remote script) and adds frame-ancestors 'none'; tests/security checks the header on every response.",
  },
];

/**
 * Checks not run, and why. AvailableSecurityFixesGlobalCheck downloads Electron's release list
 * to compare versions: the lint runs offline and gives the same answer every time; keeping
 * Electron current is the dependency updates' job, not a source check.
 */
const EXCLUDED_CHECKS = ['AvailableSecurityFixesGlobalCheck'];

// Electronegativity also fetches message translations from the network when it starts (it
// falls back to its bundled English). Answer that request "offline" at once: no network, no
// remote text in the lint's output.
const fromTool = createRequire(require.resolve('@doyensec/electronegativity'));
const gotPath = fromTool.resolve('got');
const offline = () => Promise.reject(new Error('electronegativity runs offline in the lint'));
require.cache[gotPath] = {
  id: gotPath,
  filename: gotPath,
  loaded: true,
  exports: { __esModule: true, default: offline },
};
const { default: run } = await import('@doyensec/electronegativity');

const electronVersion = require('electron/package.json').version;
const work = mkdtempSync(join(tmpdir(), 'warta-electronegativity-'));
let result;
const log = console.log;
try {
  // One input folder holding both (the tool takes one), named so findings map back to src/.
  for (const dir of SCANNED) cpSync(join(root, dir), join(work, dir), { recursive: true });
  console.log = () => undefined; // its progress chatter; findings are reported below
  result = await run({
    input: work,
    isRelative: true,
    electronVersionOverride: electronVersion,
    excludeFromScan: EXCLUDED_CHECKS.map((c) => c.toLowerCase()),
  });
} finally {
  console.log = log;
  rmSync(work, { recursive: true, force: true });
}

const problems = [];
for (const e of result.errors.filter((e) => !e.tolerable)) problems.push(`could not parse ${e.file}: ${e.message}`);

const used = new Set();
for (const issue of result.issues) {
  const file = issue.file.replace(/\\/g, '/').replace(/^\//, '');
  const where = `${file}:${issue.location.line}:${issue.location.column}`;
  let text = '';
  try {
    text = readFileSync(join(root, file), 'utf8').split('\n')[issue.location.line - 1] ?? '';
  } catch {
    // A whole-app finding names no file ("N/A"): it can only be listed, never excused by a line.
  }
  const excused = EXCEPTIONS.find((x) => x.id === issue.id && x.file === file && text.includes(x.line));
  if (excused) used.add(excused);
  else
    problems.push(`${issue.id} (${issue.severity.name}, ${issue.confidence.name}) at ${where}: ${issue.shortenedURL}`);
}
for (const x of EXCEPTIONS) if (!used.has(x)) problems.push(`stale exception: ${x.id} in ${x.file} matches nothing`);

if (problems.length > 0) {
  console.error(`electronegativity: ${problems.length} problem(s) in ${SCANNED.join(', ')}:`);
  for (const p of problems) console.error(`  ${p}`);
  process.exit(1);
}
console.log(
  `electronegativity: ${SCANNED.join(', ')} clean (${result.atomicChecks + result.globalChecks} checks, ${used.size} reviewed exception(s))`,
);
