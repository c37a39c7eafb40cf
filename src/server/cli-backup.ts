import type { Command } from 'commander';
import { backupHq, restoreHq } from './backup';

/** `backup` and `restore`: the HQ database's own safety copies. */
export function addBackupCommands(program: Command, defaultDataDir: string): void {
  program
    .command('backup')
    .description('online backup of hq.sqlite (safe while HQ runs); prints the backup path last')
    .option('--data-dir <dir>', 'HQ data dir', defaultDataDir)
    .option('--out <file>', 'where to write the backup (default DIR/backups/hq-<time>.sqlite)')
    .action(async (opts: { dataDir: string; out?: string }) => {
      const path = await backupHq(opts.dataDir, opts.out);
      process.stdout.write(`${path}\n`);
    });

  program
    .command('restore')
    .description('replace hq.sqlite by a checked backup; HQ must be stopped; the current file is kept aside')
    .option('--data-dir <dir>', 'HQ data dir', defaultDataDir)
    .argument('<file>', 'the backup to restore')
    .action((file: string, opts: { dataDir: string }) => {
      const { keptAside } = restoreHq(opts.dataDir, file);
      if (keptAside) process.stdout.write(`The previous database is kept at ${keptAside}\n`);
      process.stdout.write(`Restored ${file} into ${opts.dataDir}\n`);
    });
}
