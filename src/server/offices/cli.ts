import { readFileSync } from 'node:fs';
import type { Command } from 'commander';
import { openStorage } from '../app';
import { printable } from '../cli-text';
import { setOfficeSetting } from './settings';

interface Opts {
  dataDir: string;
  office: string;
  key: string;
  value?: string;
  valueFile?: string;
  clear?: boolean;
}

function rawValue(opts: Opts): string | null {
  const given = [opts.value !== undefined, opts.valueFile !== undefined, opts.clear === true].filter(Boolean).length;
  if (given !== 1) throw new Error('give exactly one of --value JSON, --value-file FILE or --clear');
  if (opts.clear) return null;
  if (opts.value !== undefined) return opts.value;
  try {
    return readFileSync(opts.valueFile!, 'utf8');
  } catch (err) {
    throw new Error(`cannot read ${opts.valueFile}: ${(err as NodeJS.ErrnoException).code ?? String(err)}`);
  }
}

/** `office-setting`: what an office's workstations receive in its profile at their next sync. */
export function addOfficeCommands(program: Command, defaultDataDir: string): void {
  program
    .command('office-setting')
    .description("set or clear one setting of an office; the office's workstations get it at their next sync")
    .option('--data-dir <dir>', 'HQ data dir', defaultDataDir)
    .requiredOption('--office <name>', 'office name as enrolled, e.g. "KPU Kabupaten Blora"')
    .requiredOption('--key <key>', 'the setting')
    .option('--value <json>', 'the value, as JSON')
    .option('--value-file <file>', 'a file holding the value, as JSON')
    .option('--clear', 'remove the setting')
    .action((opts: Opts) => {
      const raw = rawValue(opts);
      const storage = openStorage(opts.dataDir);
      try {
        const { office } = setOfficeSetting(storage, opts.office, opts.key, raw);
        process.stdout.write(
          raw === null
            ? `Cleared "${opts.key}" of ${printable(office.name)}\n`
            : `Set "${opts.key}" of ${printable(office.name)}; its workstations get it at their next sync\n`,
        );
      } finally {
        storage.close();
      }
    });
}
