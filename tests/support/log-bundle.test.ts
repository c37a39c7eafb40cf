import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mkdirSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { silentLogger } from '../../src/node/log/silent';
import { logFileFor } from '../../src/node/log/daily-file';
import { createFileSecretStore, createServices, type Services } from '../../src/main/services';
import { collectLogs } from '../../src/main/support/bundle';
import { SECRET_DEVICE_TOKEN } from '../../src/main/sync';
import type { SqliteStorage } from '../../src/server/storage/sqlite';
import { deviceLogs } from '../../src/server/support';
import { runHqCli, startHq, type Hq } from '../helpers/hq';
import { removeTempDirs, tempDir, waitFor } from '../helpers/tmp';

/**
 * "Kirim log ke HQ": the last days of the workstation's logs, without any release text or
 * secret even when a log line carried one, queued and sent with the next sync, and readable
 * by an admin at HQ per device.
 */

const TITLE = 'Rapat pleno rahasia Blora';
const BODY = 'Isi rilis yang belum terbit';
const CODE = 'WARTA-7K3M-Q9TX-2HCF-8BNW';
const RELEASE = '0192f5a0-0000-7000-8000-000000000001';
const DAY = 86_400_000;

/** A day's log file with every way release text or a secret could end up in a line. */
function writeFixtureLogs(logDir: string, token: string, now = new Date()): void {
  mkdirSync(logDir, { recursive: true });
  const line = (o: object) => JSON.stringify({ level: 30, time: now.getTime(), name: 'warta-desktop', ...o });
  const today = [
    line({ msg: 'ready', sqliteBinding: 'default', dataDir: '/home/sari/.local/share/warta' }),
    line({
      msg: 'saved',
      releaseId: RELEASE,
      title: TITLE,
      body: { type: 'doc', content: [{ type: 'text', text: BODY }] },
    }),
    line({
      level: 50,
      msg: 'sync run failed',
      err: { type: 'Error', message: `HTTP 401 for Bearer ${token}`, stack: `Error: ${BODY}\n    at x` },
    }),
    line({ level: 40, msg: 'enroll', code: CODE, authorization: `Bearer ${token}`, headers: { cookie: 's=1' } }),
    line({ msg: 'link', url: 'http://127.0.0.1:4780/?token=abcdefabcdef' }),
    line({
      level: 50,
      msg: 'enrol failed',
      err: { message: `code ${CODE} refused; token=${token} ${TITLE}`.slice(0, 120) },
    }),
    line({ msg: `opened ${token}`, status: `title: ${TITLE}`.length }),
    `not json at all ${token}`,
  ];
  writeFileSync(join(logDir, logFileFor(now)), `${today.join('\n')}\n`);
  // Older than the days asked for: not in the bundle.
  writeFileSync(join(logDir, logFileFor(new Date(now.getTime() - 10 * DAY))), `${line({ msg: 'long ago' })}\n`);
}

const leaks = (text: string, token: string): string[] =>
  [TITLE, BODY, CODE, token, token.slice(3, 20), 'abcdefabcdef', 'cookie', 'stack', '/home/sari'].filter((s) =>
    text.includes(s),
  );

describe('a log bundle', () => {
  it('keeps the last days of log lines with no release text and no token', () => {
    const dir = tempDir('warta-logs-');
    const token = 'wt_Zm9vYmFyYmF6cXV4Zm9vYmFyYmF6cXV4Zm9vYmFyYmF6cXV4';
    writeFixtureLogs(dir, token);
    const lines = collectLogs(dir, 3);
    const text = lines.join('\n');
    expect(leaks(text, token)).toEqual([]);
    expect(lines.map((l) => (JSON.parse(l) as { msg: string }).msg)).toEqual([
      'ready',
      'saved',
      'sync run failed',
      'enroll',
      'link',
      'enrol failed',
      'opened [redacted]',
    ]);
    // What support needs stays: levels, ids, error kinds.
    expect(text).toContain(RELEASE);
    // An error keeps its kind and codes; its message (free text) is not kept.
    expect(JSON.parse(lines[2]!)).toEqual({
      level: 50,
      time: expect.any(Number),
      name: 'warta-desktop',
      msg: 'sync run failed',
      err: { type: 'Error' },
    });
    expect(text).not.toContain('long ago');
    expect(collectLogs(dir, 30).join('\n')).toContain('long ago');
  });
});

describe('Kirim log ke HQ', () => {
  let hq: Hq;
  let services: Services;
  let dataDir: string;

  beforeAll(async () => {
    hq = await startHq();
    dataDir = tempDir('warta-ws-');
    services = await createServices({
      dataDir,
      log: silentLogger,
      secrets: createFileSecretStore(join(dataDir, 'secrets.json')),
      version: '1.0.0',
    });
  });
  afterAll(async () => {
    await services?.close();
    await hq?.close();
    removeTempDirs();
  });

  it('queues the bundle, sends it with the next sync, and an admin reads it by device', async () => {
    const h = services.handlers;
    await h.connectToHq({ serverUrl: hq.url, code: await hq.code('KPU Kabupaten Blora', 'Sari') });
    const deviceId = (await h.getAppInfo({})).identity!.deviceId;
    const token = createFileSecretStore(join(dataDir, 'secrets.json')).get(SECRET_DEVICE_TOKEN)!;
    expect(token).toMatch(/^wt_/);
    writeFixtureLogs(join(dataDir, 'logs'), token);
    const logsAtHq = deviceLogs((hq.server.storage as SqliteStorage).db);

    const queued = await h.sendLogsToHq({ days: 3 });
    expect(queued).toMatchObject({ queued: true, lines: 7 });
    expect(readdirSync(join(dataDir, 'support-outbox'))).toHaveLength(1);
    expect(logsAtHq.list(deviceId)).toEqual([]);

    await h.syncNow({});
    const [bundle] = await waitFor(() => {
      const got = logsAtHq.list(deviceId);
      return got.length > 0 ? got : null;
    }, 'the bundle at HQ');
    expect(leaks(bundle!.text, token)).toEqual([]);
    expect(bundle!.text).toContain('sync run failed');
    await waitFor(() => readdirSync(join(dataDir, 'support-outbox')).length === 0, 'the outbox to empty');

    const cli = await runHqCli(['device-logs', '--data-dir', hq.dataDir, '--device', deviceId]);
    expect(cli.code).toBe(0);
    expect(cli.stdout).toContain('"msg":"sync run failed"');
    expect(leaks(cli.stdout, token)).toEqual([]);
  });

  it('says so when there is nothing to send', async () => {
    const empty = tempDir('warta-logs-');
    const { SupportLogs } = await import('../../src/main/support');
    const support = new SupportLogs({ logDir: empty, outboxDir: join(empty, 'out'), hq: () => null });
    expect(() => support.queue(3)).toThrow(expect.objectContaining({ reason: 'support.nothingToSend' }));
  });
});
