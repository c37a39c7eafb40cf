/**
 * `npm run hq -- [--port N] [--data-dir DIR] [--host H]`      run HQ
 * `npm run hq -- enroll --data-dir DIR --office … --name … --role penulis|peninjau|admin
 *                [--scope office|province] [--province …] [--expires-hours 24] [--strict-office]`
 *                                                           prints the one-time code LAST
 * `npm run hq -- revoke --data-dir DIR --device ID`           revoke a device token
 * `npm run hq -- devices --data-dir DIR`                      list devices
 * `npm run hq -- backup [--data-dir DIR] [--out FILE]`        online backup; prints its path LAST
 * `npm run hq -- restore --data-dir DIR FILE`                 replace hq.sqlite (HQ stopped)
 * `npm run hq -- restore-release --data-dir DIR --release ID`  take a deleted release out of the trash
 * `npm run hq -- office-setting --data-dir DIR --office … --key K (--value JSON | --value-file F | --clear)`
 * `npm run hq -- publish-update FILE… [--channel stable|pilot] [--offices A,B] [--percent N]`  desktop update
 * `npm run hq -- device-logs --device ID`                    log bundles a device sent
 */
import { Command, InvalidArgumentError, Option } from 'commander';
import { IdSchema } from '../shared/domain';
import { ROLES, SCOPES, type Role, type Scope } from '../shared/sync/protocol';
import { enrollPerson } from './admin';
import { createHqServer, openStorage } from './app';
import { addBackupCommands } from './cli-backup';
import { addUpdateCommands } from './cli-updates';
import { printable, printableJson } from './cli-text';
import { lockHqDataDir } from './data-dir-lock';
import { addOfficeCommands } from './offices';
import { restoreDeletedRelease } from './sync/restore';

const DEFAULT_DATA_DIR = 'hq-data';

const int = (value: string): number => {
  // Digits only: Number() would also take '', ' ', '1e3' and '0x50'.
  if (!/^\d+$/.test(value) || Number(value) > 65535)
    throw new InvalidArgumentError('expected a port number from 0 to 65535');
  return Number(value);
};
const positive = (value: string): number => {
  const n = Number(value);
  if (!Number.isFinite(n) || n <= 0) throw new InvalidArgumentError('expected a positive number');
  return n;
};

const program = new Command('hq').description('Warta HQ server').enablePositionalOptions();

program
  .option('--port <n>', 'port to listen on', int, 8787)
  .option('--data-dir <dir>', 'where HQ keeps its database and attachments', DEFAULT_DATA_DIR)
  .option('--host <host>', 'interface to bind', '127.0.0.1')
  .option('--quiet', 'no request logs')
  .option('--no-render-cache', 'render every public page afresh (to measure what the cache saves)')
  .action(async (opts: { port: number; dataDir: string; host: string; quiet?: boolean; renderCache: boolean }) => {
    // Held until the process exits: `restore` refuses to swap the file under a running HQ.
    const lock = lockHqDataDir(opts.dataDir);
    const server = await createHqServer({
      dataDir: opts.dataDir,
      host: opts.host,
      log: opts.quiet ? false : 'info',
      renderCache: opts.renderCache,
    });
    const url = await server.listen(opts.port);
    let stopping = false;
    const stop = (signal: string): void => {
      if (stopping) return;
      stopping = true;
      process.stderr.write(`Warta HQ: ${signal}, finishing in-flight requests…\n`);
      server.close().then(
        () => {
          lock.release();
          process.exit(0);
        },
        (err: unknown) => {
          process.stderr.write(`Warta HQ: shutdown failed: ${String(err)}\n`);
          process.exit(1);
        },
      );
    };
    process.on('SIGTERM', () => stop('SIGTERM'));
    process.on('SIGINT', () => stop('SIGINT'));
    process.stdout.write(`Warta HQ: ${url}\n`);
  });

program
  .command('enroll')
  .description('create an office (if new) and a person; print a one-time enrollment code last')
  .option('--data-dir <dir>', 'HQ data dir', DEFAULT_DATA_DIR)
  .requiredOption('--office <name>', 'office, e.g. "KPU Kabupaten Blora" (matched against idn-area-data)')
  .requiredOption('--name <name>', 'the person, e.g. "Siti Rahayu"')
  .addOption(new Option('--role <role>', 'penulis, peninjau or admin').choices([...ROLES]).makeOptionMandatory())
  .addOption(new Option('--scope <scope>', 'reviewers: office (default) or province').choices([...SCOPES]))
  .option('--province <name>', 'province, for offices not in idn-area-data or to disambiguate')
  .option('--expires-hours <h>', 'code lifetime in hours', positive, 24)
  .option('--strict-office', 'refuse office names not found in idn-area-data')
  .action(
    async (opts: {
      dataDir: string;
      office: string;
      name: string;
      role: Role;
      scope?: Scope;
      province?: string;
      expiresHours: number;
      strictOffice?: boolean;
    }) => {
      const storage = openStorage(opts.dataDir);
      try {
        const r = await enrollPerson(storage, {
          office: opts.office,
          name: opts.name,
          role: opts.role,
          scope: opts.scope,
          province: opts.province,
          expiresHours: opts.expiresHours,
          strictOffice: opts.strictOffice,
        });
        for (const w of r.warnings) process.stdout.write(`warning: ${printable(w)}\n`);
        process.stdout.write(
          `${r.officeCreated ? 'Created office' : 'Office'}: ${printable(r.office.name)}${r.office.province ? ` (${printable(r.office.province)})` : ''}\n`,
        );
        process.stdout.write(
          `Person: ${printable(r.person.name)}, ${r.person.role}, scope ${r.person.scope} (id ${r.person.id})\n`,
        );
        process.stdout.write(`One-time enrollment code, valid until ${r.expiresAt}:\n`);
        process.stdout.write(`${r.code}\n`);
      } finally {
        storage.close();
      }
    },
  );

program
  .command('revoke')
  .description('revoke a device token: every later request from it gets 401')
  .option('--data-dir <dir>', 'HQ data dir', DEFAULT_DATA_DIR)
  .requiredOption('--device <id>', 'device id (see `devices`)')
  .action((opts: { dataDir: string; device: string }) => {
    const storage = openStorage(opts.dataDir);
    try {
      const device = storage.getDevice(opts.device);
      if (!device) {
        process.stderr.write(`no device ${printable(opts.device)}\n`);
        process.exitCode = 1;
        return;
      }
      const changed = storage.revokeDevice(device.id, new Date().toISOString());
      process.stdout.write(
        changed
          ? `Revoked device ${device.id} (${printable(device.name)})\n`
          : `Device ${device.id} was already revoked\n`,
      );
    } finally {
      storage.close();
    }
  });

program
  .command('devices')
  .description('list enrolled devices')
  .option('--data-dir <dir>', 'HQ data dir', DEFAULT_DATA_DIR)
  .option('--json', 'as JSON')
  .action((opts: { dataDir: string; json?: boolean }) => {
    const storage = openStorage(opts.dataDir);
    try {
      const devices = storage.listDevices().map(({ tokenHash: _t, ...d }) => d);
      if (opts.json) process.stdout.write(`${printableJson(devices)}\n`);
      else
        for (const d of devices) {
          process.stdout.write(
            `${d.id}  ${d.revokedAt ? 'REVOKED' : 'active '}  ${printable(d.personName)} (${d.role}, ${printable(d.office)})  "${printable(d.name)}"  last seq ${d.lastSeq}\n`,
          );
        }
    } finally {
      storage.close();
    }
  });

addBackupCommands(program, DEFAULT_DATA_DIR);
addOfficeCommands(program, DEFAULT_DATA_DIR);
addUpdateCommands(program, DEFAULT_DATA_DIR);

const PROBLEMS = {
  not_found: 'HQ has no release with that id',
  not_deleted: 'the release is not deleted',
  no_text: 'the release has no text to restore',
} as const;

program
  .command('restore-release')
  .description('restore a deleted release (from the trash); workstations get it back at their next sync')
  .option('--data-dir <dir>', 'HQ data dir', DEFAULT_DATA_DIR)
  .requiredOption('--release <id>', 'release id')
  .action((opts: { dataDir: string; release: string }) => {
    const storage = openStorage(opts.dataDir);
    try {
      const id = IdSchema.safeParse(opts.release);
      if (!id.success) {
        process.stderr.write(`not a release id: ${opts.release.slice(0, 80)}\n`);
        process.exitCode = 1;
        return;
      }
      const r = restoreDeletedRelease(storage, id.data);
      if (!r.ok) {
        process.stderr.write(`${PROBLEMS[r.problem]}: ${opts.release}\n`);
        process.exitCode = 1;
        return;
      }
      process.stdout.write(`Restored release ${opts.release} ("${r.title}") as revision ${r.revision}\n`);
    } finally {
      storage.close();
    }
  });

program.parseAsync(process.argv).catch((err: unknown) => {
  process.stderr.write(`Warta HQ: ${printable(err instanceof Error ? err.message : String(err))}\n`);
  process.exit(1);
});
