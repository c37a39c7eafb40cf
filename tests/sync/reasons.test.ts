import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { join } from 'node:path';
import { WartaError } from '../../src/shared/contract/define';
import { formatReason } from '../../src/shared/errors/format';
import { startHq, type Hq } from '../helpers/hq';
import { makeTempDir } from '../helpers/tmp';
import { closeAll, openWorkstation, type Workstation } from './helpers/world';

/** Sync failures and log lines name a catalogue reason, so the interface can word them in English too. */
describe('sync reasons', () => {
  const tmp = makeTempDir('warta-sync-reasons-');
  let hq: Hq;
  const ws: Workstation[] = [];

  beforeAll(async () => {
    hq = await startHq(join(tmp.dir, 'hq'));
    ws.push(openWorkstation(tmp.dir, 'a'), openWorkstation(tmp.dir, 'b'));
  });

  afterAll(() => closeAll(tmp, ws, hq));

  /** Handlers may answer synchronously; wrapping catches a throw either way. */
  const refusal = async (call: () => unknown): Promise<WartaError> => {
    const error: unknown = await Promise.resolve()
      .then(call)
      .then(
        () => null,
        (e: unknown) => e,
      );
    expect(error).toBeInstanceOf(WartaError);
    return error as WartaError;
  };

  it('a used enrollment code and a bad address surface their reason through the handler', async () => {
    const [a, b] = ws as [Workstation, Workstation];
    const code = await hq.code('KPU Kabupaten Blora', 'Penulis a');
    await a.sync.handlers.connectToHq({ serverUrl: hq.url, code });

    const used = await refusal(() => b.sync.handlers.connectToHq({ serverUrl: hq.url, code }));
    expect(used.toBody()).toEqual({
      code: 'unauthorized',
      reason: 'sync.codeUsed',
      params: {},
      message: formatReason('id', 'sync.codeUsed'),
    });
    expect(formatReason('en', used.reason!, used.params)).toMatch(/already used/);

    const ftp = await refusal(() => b.sync.handlers.connectToHq({ serverUrl: 'ftp://127.0.0.1/', code: 'ABCD-1234' }));
    expect(ftp).toMatchObject({ code: 'invalid_input', reason: 'sync.urlNotHttp' });

    const unreachable = await refusal(() =>
      b.sync.handlers.connectToHq({ serverUrl: 'http://127.0.0.1:1', code: 'ABCD-1234' }),
    );
    expect(unreachable).toMatchObject({
      code: 'network',
      reason: 'sync.unreachable',
      params: { url: 'http://127.0.0.1:1' },
    });

    const notEnrolled = await refusal(() => b.sync.handlers.syncNow({}));
    expect(notEnrolled).toMatchObject({ code: 'unauthorized', reason: 'sync.notEnrolled' });
  });

  it('sync-log lines carry their reason and params next to the Indonesian message', async () => {
    const a = ws[0]!;
    await a.sync.handlers.syncNow({});
    const { items } = await a.sync.handlers.listSyncLog({ limit: 10 });
    const connected = items.find((i) => i.reason === 'syncLog.connected');
    expect(connected).toMatchObject({
      level: 'info',
      params: { url: hq.url, name: 'Penulis a', office: 'KPU Kabupaten Blora' },
      message: `Terhubung ke ${hq.url} sebagai Penulis a (KPU Kabupaten Blora).`,
    });
    const finished = items.find((i) => i.reason === 'syncLog.finished');
    expect(finished?.params).toEqual({ pushed: 0, uploaded: 0, pulled: 0, conflicts: 0, rejected: 0 });
    expect(formatReason('en', 'syncLog.finished', finished!.params)).toMatch(/^Sync finished/);
  });
});
