import { join } from 'node:path';
import { InvalidArgumentError, Option, type Command } from 'commander';
import { IdSchema } from '../shared/domain';
import { openStorage } from './app';
import { printable } from './cli-text';
import { deviceLogs } from './support';
import { CHANNELS, publishUpdate, PublishError, updateReleases, type Channel } from './updates';

const percent = (value: string): number => {
  if (!/^\d{1,3}$/.test(value) || Number(value) > 100) throw new InvalidArgumentError('expected 0 to 100');
  return Number(value);
};

/**
 * `publish-update` (a desktop release into HQ's update feed, with its rollout) and
 * `device-logs` (the log bundles a device sent for support).
 */
export function addUpdateCommands(program: Command, defaultDataDir: string): void {
  program
    .command('publish-update')
    .description(
      'add a desktop release to the update feed: latest*.yml with the installers and blockmaps they name; ' +
        'each installer must match the sha512 in its yml. Without --offices/--percent every office gets it',
    )
    .argument('<files...>', 'latest.yml, latest-linux.yml, latest-mac.yml, installers, blockmaps')
    .option('--data-dir <dir>', 'HQ data dir', defaultDataDir)
    .addOption(new Option('--channel <channel>', 'stable or pilot').choices([...CHANNELS]).default('stable'))
    .option('--offices <names>', 'comma-separated office names that get it now (e.g. "KPU Kabupaten Blora")')
    .option('--percent <n>', 'share of devices (0–100, the same devices each time) that get it now', percent)
    .action(
      async (files: string[], opts: { dataDir: string; channel: Channel; offices?: string; percent?: number }) => {
        const storage = openStorage(opts.dataDir);
        try {
          let offices: string[] | null = null;
          if (opts.offices !== undefined) {
            offices = [];
            for (const name of opts.offices
              .split(',')
              .map((n) => n.trim())
              .filter(Boolean)) {
              const office = storage.findOfficeByName(name);
              if (!office) throw new PublishError(`HQ has no office named ${printable(name)}`);
              offices.push(office.id);
            }
          }
          const published = await publishUpdate({
            paths: files,
            channel: opts.channel,
            rollout: { percent: opts.percent ?? null, offices },
            updatesDir: join(opts.dataDir, 'updates'),
            releases: updateReleases(storage.db),
            transaction: (fn) => storage.transaction(fn),
          });
          const reach =
            offices === null && opts.percent === undefined
              ? 'every office'
              : [
                  offices ? `${offices.length} office(s)` : '',
                  opts.percent !== undefined ? `${opts.percent}% of devices` : '',
                ]
                  .filter(Boolean)
                  .join(' and ');
          for (const p of published)
            process.stdout.write(
              `Published ${p.version} (${p.feed}, ${p.files.length} files) on ${opts.channel} to ${reach}\n`,
            );
        } catch (err) {
          if (!(err instanceof PublishError)) throw err;
          process.stderr.write(`publish-update refused: ${printable(err.message)}\n`);
          process.exitCode = 1;
        } finally {
          storage.close();
        }
      },
    );

  program
    .command('device-logs')
    .description('print the log bundles a device sent ("Kirim log ke HQ"), newest first')
    .option('--data-dir <dir>', 'HQ data dir', defaultDataDir)
    .requiredOption('--device <id>', 'device id (see `devices`)')
    .action((opts: { dataDir: string; device: string }) => {
      const id = IdSchema.safeParse(opts.device);
      if (!id.success) {
        process.stderr.write(`not a device id: ${printable(opts.device.slice(0, 80))}\n`);
        process.exitCode = 1;
        return;
      }
      const storage = openStorage(opts.dataDir);
      try {
        const bundles = deviceLogs(storage.db).list(id.data);
        if (bundles.length === 0) process.stdout.write(`No logs from device ${id.data}\n`);
        for (const b of bundles)
          process.stdout.write(
            `=== ${b.receivedAt} bundle ${b.bundleId}\n${printable(b.text).replace(/\\x0a/g, '\n')}\n`,
          );
      } finally {
        storage.close();
      }
    });
}
