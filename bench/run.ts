/**
 * `npm run bench [-- <name filter>]`: runs every bench/*.bench.ts in turn, each in its own
 * tsx process (so one benchmark's heap and open files don't skew the next), and prints
 * their figures. Never part of `npm test`.
 */
import { spawnSync } from 'node:child_process';
import { readdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const here = dirname(fileURLToPath(import.meta.url));
const filter = process.argv[2];
const files = readdirSync(here)
  .filter((f) => f.endsWith('.bench.ts') && (!filter || f.includes(filter)))
  .sort();

if (!files.length) {
  console.log(filter ? `No bench/*.bench.ts matches "${filter}".` : 'No bench/*.bench.ts files.');
  process.exit(0);
}

const failed: string[] = [];
for (const file of files) {
  console.log(`\n=== ${file} ===`);
  const started = Date.now();
  const result = spawnSync(process.execPath, ['--import', 'tsx', join(here, file)], { stdio: 'inherit' });
  const secs = ((Date.now() - started) / 1000).toFixed(1);
  if (result.status !== 0) {
    failed.push(file);
    console.log(`--- ${file} FAILED (exit ${result.status ?? result.signal}) after ${secs} s`);
  } else {
    console.log(`--- ${file} done in ${secs} s`);
  }
}
if (failed.length) {
  console.log(`\n${failed.length} benchmark(s) failed: ${failed.join(', ')}`);
  process.exit(1);
}
