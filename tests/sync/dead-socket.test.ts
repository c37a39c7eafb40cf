/**
 * A kept-alive connection that HQ closed while the workstation was busy: the next request
 * goes out on a dead socket and dies before HQ reads it. The workstation sends it once more
 * on a fresh connection instead of failing the sync with "Server pusat tidak dapat
 * dihubungi"; a single-use enrollment code is never sent twice. The server here plays HQ's
 * part at the socket level, which is the only way to make the race happen on purpose.
 */
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo, Socket } from 'node:net';
import { afterEach, expect, it } from 'vitest';
import { HqClient } from '../../src/main/sync/hq-client';

let server: Server | null = null;
afterEach(() => new Promise<void>((resolve) => (server ? server.close(() => resolve()) : resolve())));

/** Answers every request, except the first that comes on an already used socket: it kills that unread. */
async function flakyHq(): Promise<{ url: string; requests: string[] }> {
  const requests: string[] = [];
  const used = new WeakSet<Socket>();
  let killed = false;
  server = createServer((req: IncomingMessage, res: ServerResponse) => {
    requests.push(`${req.method} ${req.url}`);
    if (!killed && used.has(req.socket)) {
      killed = true;
      req.socket.destroy();
      return;
    }
    used.add(req.socket);
    res.setHeader('content-type', 'application/json');
    res.end(
      req.url?.startsWith('/api/v1/sync/pull')
        ? JSON.stringify({ changes: [], nextCursor: 7, hasMore: false })
        : JSON.stringify({ code: 'unauthorized', message: 'kode tidak dikenal' }),
    );
  });
  await new Promise<void>((resolve) => server!.listen(0, '127.0.0.1', resolve));
  return { url: `http://127.0.0.1:${(server!.address() as AddressInfo).port}`, requests };
}

it('sends a pull again once when its kept-alive socket was dead, and gets the page', async () => {
  const hq = await flakyHq();
  const client = new HqClient({ baseUrl: hq.url, token: 't' });
  // The client's pool takes turns between connections: a few calls are sure to reuse one.
  for (let i = 0; i < 4; i += 1) expect((await client.pull(0, 100)).nextCursor).toBe(7);
  expect(hq.requests).toEqual(Array(5).fill('GET /api/v1/sync/pull?cursor=0&limit=100'));
});

it('does not send an enrollment code twice: the writer is told HQ could not be reached', async () => {
  const hq = await flakyHq();
  const client = new HqClient({ baseUrl: hq.url });
  await client.pull(0, 100);
  await client.pull(0, 100);
  await expect(client.enroll('ABCD-EFGH', 'Laptop Humas')).rejects.toMatchObject({
    kind: 'network',
    message: expect.stringContaining('Server pusat tidak dapat dihubungi') as unknown,
  });
  expect(hq.requests.filter((r) => r.startsWith('POST'))).toHaveLength(1);
});
