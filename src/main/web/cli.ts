import { existsSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { Command, CommanderError, InvalidArgumentError, Option } from 'commander';
import { z } from 'zod';
import { createFileSecretStore, createServices, defaultDataDir, type Services } from '../services';
import { dailyLogStream, teeStream } from '../../node/log/daily-file';
import { createLogger } from '../../node/log/logger';
import { startWebHost, type WebHost } from './host';
import { openInBrowser } from './open-browser';
import { RendererMissingError } from './static';

/** In the data dir, owner-only: the session signing key, and the current one-time link for launchers. */
const SESSION_KEY_FILE = 'web-session.key';
const URL_FILE = 'web-url';

/** A fixed default so the cookies keep working between runs; --port 0 picks any free port. */
export const DEFAULT_PORT = 4780;

const parsePort = (value: string): number => {
  if (!/^\d+$/.test(value) || Number(value) > 65535)
    throw new InvalidArgumentError('expected a port number from 0 to 65535');
  return Number(value);
};

const repoRoot = fileURLToPath(new URL('../../../', import.meta.url));

/** The web host runs from the source tree (tsx), so package.json sits at the repository root. */
function packageVersion(): string {
  const pkg: unknown = JSON.parse(readFileSync(resolve(repoRoot, 'package.json'), 'utf8'));
  return z.object({ version: z.string() }).parse(pkg).version;
}

interface CliOptions {
  port: number;
  dataDir: string;
  rendererDir: string;
  open: boolean;
}

function parseArgs(argv: string[]): CliOptions {
  const program = new Command('warta-web')
    .description('Serve the Warta workstation on 127.0.0.1 (the same contract as the desktop app, over HTTP).')
    .addOption(
      new Option('--port <n>', 'port on 127.0.0.1 (0 = any free port)').argParser(parsePort).default(DEFAULT_PORT),
    )
    .addOption(new Option('--data-dir <dir>', 'where the SQLite file and attachments live').default(defaultDataDir()))
    .addOption(
      new Option('--open', 'open the one-time link in the default browser (also WARTA_OPEN_BROWSER=1)').default(false),
    )
    .addOption(
      new Option('--renderer-dir <dir>', 'the built page (out/renderer)')
        .default(resolve(repoRoot, 'out/renderer'))
        .hideHelp(),
    )
    .exitOverride()
    .configureOutput({ writeErr: (s) => process.stderr.write(s) });
  try {
    program.parse(argv);
  } catch (error) {
    if (error instanceof CommanderError) {
      // --help / --version are not errors
      if (error.exitCode === 0) process.exit(0);
      process.stderr.write('Run with --help for the options.\n');
      process.exit(2);
    }
    throw error;
  }
  const opts = program.opts<CliOptions>();
  return {
    port: opts.port,
    dataDir: resolve(opts.dataDir),
    rendererDir: resolve(opts.rendererDir),
    open: opts.open || process.env.WARTA_OPEN_BROWSER === '1',
  };
}

async function main(): Promise<void> {
  const { port, dataDir, rendererDir, open } = parseArgs(process.argv);
  const wanted = process.env.WARTA_LOG_LEVEL ?? 'info';
  const level = ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'].includes(wanted) ? wanted : 'info';
  // Also one file per day in the data dir, which "Kirim log ke HQ" bundles.
  const log = createLogger(
    'warta-services',
    level,
    teeStream(process.stderr, dailyLogStream(resolve(dataDir, 'logs'))),
  );

  if (!existsSync(resolve(rendererDir, 'index.html'))) {
    process.stderr.write(
      `Warta: the workstation page is not built (${resolve(rendererDir, 'index.html')} is missing). Run "npm run build" first.\n`,
    );
    process.exit(1);
  }

  let services: Services;
  try {
    services = await createServices({
      dataDir,
      log,
      secrets: createFileSecretStore(resolve(dataDir, 'secrets.json')),
      version: packageVersion(),
    });
  } catch (error) {
    process.stderr.write(
      `Warta: cannot open the data dir ${dataDir}: ${error instanceof Error ? error.message : String(error)}\n`,
    );
    process.exit(1);
  }

  let host: WebHost;
  try {
    host = await startWebHost({
      services,
      rendererDir,
      port,
      logger: { level, stream: process.stderr },
      sessionKeyFile: resolve(dataDir, SESSION_KEY_FILE),
      urlFile: resolve(dataDir, URL_FILE),
    });
  } catch (error) {
    await services.close();
    const code = (error as { code?: string }).code;
    if (code === 'EADDRINUSE')
      process.stderr.write(`Warta: port ${port} is already in use; choose another with --port (0 picks a free one).\n`);
    else if (error instanceof RendererMissingError) process.stderr.write(`Warta: ${error.message}\n`);
    else
      process.stderr.write(
        `Warta: could not start the web host: ${error instanceof Error ? error.message : String(error)}\n`,
      );
    process.exit(1);
  }

  let stopping = false;
  const stop = async (signal: string): Promise<void> => {
    if (stopping) return;
    stopping = true;
    log.info({ signal }, 'shutting down');
    // Never hang on the way out: SQLite's WAL keeps every committed save even if we must exit hard.
    setTimeout(() => {
      log.error({ signal }, 'shutdown took longer than 15 s; exiting');
      process.exit(1);
    }, 15_000).unref();
    // Finish in-flight requests first, then close the store so the last save is committed.
    await host.close().catch((error: unknown) => log.error({ err: error }, 'closing the web host failed'));
    await services.close().catch((error: unknown) => log.error({ err: error }, 'closing the services failed'));
    process.exit(0);
  };
  process.on('SIGINT', () => void stop('SIGINT'));
  process.on('SIGTERM', () => void stop('SIGTERM'));

  // The one line a person (or a launcher) needs: the link works once, so it is printed, not logged.
  process.stdout.write(`Warta workstation: ${host.launchUrl()}\n`);
  log.info({ dataDir, url: host.url }, 'ready');
  if (open) openInBrowser(host.launchUrl(), log);
}

void main();
