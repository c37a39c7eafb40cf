import { createServer, request as httpRequest, type IncomingHttpHeaders, type Server } from 'node:http';
import type { AddressInfo, Socket } from 'node:net';
import { seededRandom, type Random } from '../../../src/shared/random/seeded';

/**
 * An HTTP proxy on 127.0.0.1 between a workstation and HQ that misbehaves on purpose,
 * driven by a seeded random so every failing round can be replayed from its seed.
 *
 * Faults (each request draws at most one):
 *  - drop:        close the client connection before HQ sees the request
 *  - drop_after:  forward, let HQ apply it, then close without answering (the nasty one)
 *  - cut:         forward, send the status line and half the body, then close
 *  - duplicate:   forward the same request twice (second copy concurrently), answer with one
 *  - replay:      later, send an earlier request again out of order (stale duplicate)
 *  - delay:       hold the request a little before forwarding (reorders concurrent requests)
 *  - error_before: answer 500/503 without forwarding
 *  - error_after: forward, then answer 500/503 instead of HQ's reply
 */
type FaultKind = 'drop' | 'drop_after' | 'cut' | 'duplicate' | 'replay' | 'delay' | 'error_before' | 'error_after';
const FAULT_KINDS: FaultKind[] = [
  'drop',
  'drop_after',
  'cut',
  'duplicate',
  'replay',
  'delay',
  'error_before',
  'error_after',
];

export interface FaultProxyOptions {
  target: string;
  seed: number;
  /** Probability that a request gets a fault. Changeable at runtime via `setRate`. */
  rate?: number;
  maxDelayMs?: number;
  /** Restrict the faults drawn (e.g. only 'delay' to make a sync slow enough to watch). */
  kinds?: FaultKind[];
}

interface Captured {
  method: string;
  path: string;
  headers: IncomingHttpHeaders;
  body: Buffer;
}

interface Upstream {
  status: number;
  headers: IncomingHttpHeaders;
  body: Buffer;
}

export interface FaultProxy {
  url: string;
  setRate(rate: number): void;
  setTarget(target: string): void;
  counts: Record<FaultKind | 'pass', number>;
  close(): Promise<void>;
}

export async function startFaultProxy(options: FaultProxyOptions): Promise<FaultProxy> {
  const random: Random = seededRandom(options.seed);
  let rate = options.rate ?? 0.3;
  let target = new URL(options.target);
  const maxDelay = options.maxDelayMs ?? 40;
  const kinds = options.kinds ?? FAULT_KINDS;
  const counts: Record<FaultKind | 'pass', number> = {
    pass: 0,
    drop: 0,
    drop_after: 0,
    cut: 0,
    duplicate: 0,
    replay: 0,
    delay: 0,
    error_before: 0,
    error_after: 0,
  };
  const history: Captured[] = [];
  const sockets = new Set<Socket>();

  const forward = (c: Captured): Promise<Upstream> =>
    new Promise((resolve, reject) => {
      const headers = { ...c.headers, host: target.host, 'content-length': String(c.body.length) };
      delete headers.connection;
      const req = httpRequest(
        { host: target.hostname, port: target.port, path: c.path, method: c.method, headers, agent: false },
        (res) => {
          const chunks: Buffer[] = [];
          res.on('data', (d: Buffer) => chunks.push(d));
          res.on('end', () =>
            resolve({ status: res.statusCode ?? 502, headers: res.headers, body: Buffer.concat(chunks) }),
          );
          res.on('error', reject);
        },
      );
      req.on('error', reject);
      req.end(c.body);
    });

  const server: Server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (d: Buffer) => chunks.push(d));
    req.on('end', () => {
      const captured: Captured = {
        method: req.method ?? 'GET',
        path: req.url ?? '/',
        headers: req.headers,
        body: Buffer.concat(chunks),
      };
      void handle(captured);
    });

    const destroy = () => {
      req.socket.destroy();
    };
    const reply = (u: Upstream) => {
      const headers: Record<string, string> = {};
      for (const [k, v] of Object.entries(u.headers)) {
        if (typeof v === 'string' && !['connection', 'transfer-encoding', 'content-length', 'keep-alive'].includes(k))
          headers[k] = v;
      }
      headers['content-length'] = String(u.body.length);
      res.writeHead(u.status, headers);
      res.end(u.body);
    };
    const errorReply = () => {
      const status = random() < 0.5 ? 500 : 503;
      const body = Buffer.from(JSON.stringify({ error: { code: 'proxy_fault', message: `injected ${status}` } }));
      reply({ status, headers: { 'content-type': 'application/json' }, body });
    };

    const handle = async (c: Captured) => {
      const kind: FaultKind | 'pass' = random() < rate ? kinds[Math.floor(random() * kinds.length)]! : 'pass';
      counts[kind] += 1;
      const remember = () => {
        history.push(c);
        if (history.length > 20) history.shift();
      };
      try {
        switch (kind) {
          case 'pass':
            remember();
            return reply(await forward(c));
          case 'drop':
            return destroy();
          case 'drop_after':
            remember();
            await forward(c);
            return destroy();
          case 'cut': {
            remember();
            const u = await forward(c);
            res.writeHead(u.status, {
              'content-type': String(u.headers['content-type'] ?? 'application/octet-stream'),
              'content-length': String(u.body.length),
            });
            res.write(u.body.subarray(0, Math.floor(u.body.length / 2)));
            // Give the partial body a moment to leave before the connection dies.
            setTimeout(destroy, 5);
            return;
          }
          case 'duplicate': {
            remember();
            const [first] = await Promise.allSettled([forward(c), forward(c)]);
            if (first.status === 'fulfilled') return reply(first.value);
            return destroy();
          }
          case 'replay': {
            const old = history.length ? history[Math.floor(random() * history.length)]! : null;
            remember();
            const u = await forward(c);
            if (old) await forward(old).catch(() => undefined);
            return reply(u);
          }
          case 'delay':
            remember();
            await new Promise((r) => setTimeout(r, Math.floor(random() * maxDelay)));
            return reply(await forward(c));
          case 'error_before':
            return errorReply();
          case 'error_after':
            remember();
            await forward(c);
            return errorReply();
        }
      } catch {
        destroy();
      }
    };
  });
  server.on('connection', (s: Socket) => {
    sockets.add(s);
    s.on('close', () => sockets.delete(s));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const port = (server.address() as AddressInfo).port;
  return {
    url: `http://127.0.0.1:${port}`,
    counts,
    setRate: (r) => {
      rate = r;
    },
    setTarget: (t) => {
      target = new URL(t);
    },
    close: () =>
      new Promise<void>((resolve) => {
        for (const s of sockets) s.destroy();
        server.close(() => resolve());
      }),
  };
}
