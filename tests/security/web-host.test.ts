import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { assertRendererBuilt, makeTempDir, rpc, rpcRaw, startWebHost, type RunningWebHost } from '../helpers';

/**
 * The loopback web host must refuse every request that does not come from its own page:
 * no session cookie, no or wrong token, another Origin, a foreign Host (DNS rebinding), and it must answer
 * bad calls with a clear envelope — without changing anything already stored.
 */
describe('web host refuses what is not its own page', { timeout: 120_000 }, () => {
  let host: RunningWebHost;
  const tmp = makeTempDir('warta-sec-');
  let releaseId = '';

  /** What is stored, as the page would see it: the list plus one full release. */
  const snapshot = async (): Promise<string> => {
    const list = await rpc(host, 'listReleases', {});
    const one = await rpc(host, 'getRelease', { id: releaseId });
    return JSON.stringify({ list, one });
  };

  beforeAll(async () => {
    assertRendererBuilt();
    host = await startWebHost({ dataDir: tmp.dir, env: { WARTA_LOG_LEVEL: 'info' } });
    const created = await rpc(host, 'createRelease', { fields: { title: 'Rapat pleno terbuka' } });
    releaseId = created.id;
  });

  afterAll(async () => {
    await host?.kill('SIGTERM');
    tmp.cleanup();
  });

  const refusals: {
    name: string;
    method: string;
    body: unknown;
    headers: Record<string, string | undefined>;
    status: number;
    code: string;
    message: RegExp;
  }[] = [
    {
      name: 'no secret',
      method: 'saveRelease',
      body: {},
      headers: { 'x-warta-secret': undefined },
      status: 403,
      code: 'forbidden',
      message: /x-warta-secret/,
    },
    {
      name: 'no session cookie (right token)',
      method: 'saveRelease',
      body: {},
      headers: { cookie: undefined },
      status: 401,
      code: 'unauthorized',
      message: /open the link printed/,
    },
    {
      name: 'a forged session cookie',
      method: 'saveRelease',
      body: {},
      headers: { cookie: 'warta_session_1=AAAAAAAAAAAAAAAAAAAAAA.forged' },
      status: 401,
      code: 'unauthorized',
      message: /open the link printed/,
    },
    {
      name: 'wrong secret',
      method: 'saveRelease',
      body: {},
      headers: { 'x-warta-secret': 'guessed-secret' },
      status: 403,
      code: 'forbidden',
      message: /Wrong x-warta-secret/,
    },
    {
      name: 'another origin',
      method: 'saveRelease',
      body: {},
      headers: { origin: 'http://evil.example' },
      status: 403,
      code: 'forbidden',
      message: /origin "http:\/\/evil\.example"/,
    },
    {
      name: 'same host, other port as origin',
      method: 'saveRelease',
      body: {},
      headers: { origin: 'http://127.0.0.1:1' },
      status: 403,
      code: 'forbidden',
      message: /origin/,
    },
    {
      name: 'unknown method',
      method: 'dropAllTables',
      body: {},
      headers: {},
      status: 404,
      code: 'unknown_method',
      message: /Unknown method "dropAllTables"/,
    },
    {
      name: 'malformed JSON',
      method: 'saveRelease',
      body: '{"id": ',
      headers: {},
      status: 400,
      code: 'invalid_input',
      message: /not valid JSON/,
    },
    {
      name: 'wrong argument types',
      method: 'saveRelease',
      body: { id: 42, fields: { title: ['x'] } },
      headers: {},
      status: 400,
      code: 'invalid_input',
      message: /saveRelease: .*expected string/s,
    },
    {
      name: 'not JSON at all',
      method: 'saveRelease',
      body: 'title=x',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      status: 415,
      code: 'invalid_input',
      message: /application\/json/,
    },
  ];

  for (const r of refusals) {
    it(`refuses ${r.name} with ${r.status} and a clear message, changing nothing`, async () => {
      const before = await snapshot();
      const body =
        r.method === 'saveRelease' && typeof r.body === 'object' && r.body !== null && Object.keys(r.body).length === 0
          ? { id: releaseId, fields: { title: 'DIUBAH OLEH PENYERANG' } }
          : r.body;
      const { status, envelope } = await rpcRaw(host, r.method, body, r.headers);
      expect(status).toBe(r.status);
      expect(envelope.ok).toBe(false);
      if (envelope.ok) return;
      expect(envelope.error.code).toBe(r.code);
      expect(envelope.error.message).toMatch(r.message);
      expect(await snapshot()).toBe(before);
    });
  }

  it('refuses a body over the 16 MiB limit with 413 before reading it, changing nothing', async () => {
    const before = await snapshot();
    const { request } = await import('node:http');
    // Announce 17 MiB and send only a little: the host must answer from the header alone.
    const answer = await new Promise<{ status: number; body: string }>((resolve, reject) => {
      const req = request(
        {
          host: '127.0.0.1',
          port: host.port,
          path: '/rpc/importImage',
          method: 'POST',
          headers: {
            host: `127.0.0.1:${host.port}`,
            origin: host.origin,
            'content-type': 'application/json',
            'content-length': String(17 * 1024 * 1024),
          },
        },
        (res) => {
          let body = '';
          res
            .setEncoding('utf8')
            .on('data', (d: string) => (body += d))
            .on('end', () => resolve({ status: res.statusCode ?? 0, body }));
        },
      );
      req.on('error', reject);
      void host.session().then((session) => {
        req.setHeader('cookie', session.cookie);
        req.setHeader('x-warta-secret', session.rpcToken);
        req.write('{"name":"besar.png","dataBase64":"AAAA');
      });
    });
    expect(answer.status).toBe(413);
    const envelope = JSON.parse(answer.body) as { ok: boolean; error: { code: string; message: string } };
    expect(envelope.error.code).toBe('too_large');
    expect(envelope.error.message).toMatch(/larger than 16777216 bytes/);
    expect(await snapshot()).toBe(before);
  });

  it('guards the RPC route however its path is spelled (percent-encoding)', async () => {
    const before = await snapshot();
    // With the session cookie but without the token header: only the route's own guard refuses that.
    const { cookie } = await host.session();
    for (const path of ['%72pc/saveRelease', 'rp%63/saveRelease', 'rpc/%73aveRelease']) {
      const res = await fetch(`${host.url}${path}`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', origin: host.origin, cookie },
        body: JSON.stringify({ id: releaseId, fields: { title: 'DIUBAH OLEH PENYERANG' } }),
      });
      const body = (await res.json()) as { ok: boolean; error?: { code: string } };
      expect(body.ok, path).toBe(false);
      expect([403, 404], path).toContain(res.status);
    }
    expect(await snapshot()).toBe(before);
  });

  it('refuses a foreign Host header (DNS rebinding), even for the page that carries the secret', async () => {
    // fetch() will not let us forge Host, so speak HTTP directly.
    const { request } = await import('node:http');
    const answer = await new Promise<{ status: number; body: string }>((resolve, reject) => {
      const req = request(
        {
          host: '127.0.0.1',
          port: host.port,
          path: '/',
          method: 'GET',
          headers: { host: `rebind.example:${host.port}` },
        },
        (res) => {
          let body = '';
          res
            .setEncoding('utf8')
            .on('data', (d: string) => (body += d))
            .on('end', () => resolve({ status: res.statusCode ?? 0, body }));
        },
      );
      req.on('error', reject);
      req.end();
    });
    expect(answer.status).toBe(403);
    const envelope = JSON.parse(answer.body) as { ok: boolean; error: { code: string; message: string } };
    expect(envelope.ok).toBe(false);
    expect(envelope.error.code).toBe('forbidden');
    expect(envelope.error.message).toMatch(/Host "rebind\.example:\d+" is not allowed/);
    expect(answer.body).not.toContain((await host.session()).rpcToken);
  });

  it('accepts the same call from its own page (the refusals above are not blanket failures)', async () => {
    const saved = await rpc(host, 'saveRelease', { id: releaseId, fields: { title: 'Rapat pleno terbuka (revisi)' } });
    expect(saved.title).toBe('Rapat pleno terbuka (revisi)');
  });

  it('serves index.html to its session with a strict CSP, nosniff, no-referrer, no caching and no secret', async () => {
    const session = await host.session();
    const res = await fetch(host.url, { headers: { cookie: session.cookie } });
    expect(res.status).toBe(200);
    const csp = res.headers.get('content-security-policy') ?? '';
    expect(csp).toMatch(/script-src 'self'(;|$)/);
    expect(csp).not.toMatch(/unsafe-eval|script-src[^;]*unsafe-inline/);
    expect(csp).toMatch(/frame-ancestors 'none'/);
    expect(csp).toMatch(/object-src 'none'/);
    expect(res.headers.get('x-content-type-options')).toBe('nosniff');
    expect(res.headers.get('referrer-policy')).toBe('no-referrer');
    expect(res.headers.get('cache-control')).toBe('no-store');
    const html = await res.text();
    expect(html).toMatch(/<div id="root">/);
    // The token reaches the page only from /session: a copy of the HTML gives nothing away.
    expect(html).not.toContain(session.rpcToken);
    expect(html).not.toContain('warta-secret');
  });

  it('never serves files outside the built page', async () => {
    for (const path of [
      '..%2f..%2f..%2fpackage.json',
      'assets/..%2f..%2f..%2fpackage.json',
      '%2e%2e/%2e%2e/%2e%2e/package.json',
      'assets/%2e%2e%5c%2e%2e%5cpackage.json',
    ]) {
      const res = await fetch(`${host.url}${path}`);
      const text = await res.text();
      expect(text, path).not.toContain('"name": "warta"');
      expect([403, 404], path).toContain(res.status);
    }
  });

  it('refuses media without the page cookie, serves it with the cookie', async () => {
    // A real PNG: 1×1 pixel.
    const png = 'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==';
    const image = await rpc(host, 'importImage', { name: 'foto.png', dataBase64: png });
    const media = new URL(`media/${image.attachment}`, host.url);

    const refused = await fetch(media);
    expect(refused.status).toBe(403);
    expect(await refused.text()).toMatch(/session cookie/);
    const wrong = await fetch(media, { headers: { cookie: `warta_media_${host.port}=nope` } });
    expect(wrong.status).toBe(403);

    const session = await host.session();
    // Neither the RPC token nor the session cookie's value opens media: it has a value of its own.
    for (const other of [session.rpcToken, session.sessionCookie]) {
      const refusedToo = await fetch(media, { headers: { cookie: `warta_media_${host.port}=${other}` } });
      expect(refusedToo.status).toBe(403);
    }
    const ok = await fetch(media, { headers: { cookie: `warta_media_${host.port}=${session.mediaCookie}` } });
    expect(ok.status).toBe(200);
    expect(ok.headers.get('content-type')).toBe('image/png');
    expect(ok.headers.get('x-content-type-options')).toBe('nosniff');
    expect(Buffer.from(await ok.arrayBuffer()).equals(Buffer.from(png, 'base64'))).toBe(true);
  });

  it('refuses a file that only claims to be an image, storing nothing', async () => {
    const before = await snapshot();
    const fake = Buffer.from('<html><script>alert(1)</script></html>').toString('base64');
    const { status, envelope } = await rpcRaw(host, 'importImage', { name: 'foto.jpg', dataBase64: fake });
    expect(status).toBe(415);
    expect(envelope.ok).toBe(false);
    if (!envelope.ok) expect(envelope.error.code).toBe('unsupported_media');
    expect(await snapshot()).toBe(before);
  });

  it('logs requests in structured form without bodies, tokens or cookies', async () => {
    const logged = host.output().stderr;
    const lines = logged
      .split('\n')
      .filter((l) => l.startsWith('{'))
      .map((l) => JSON.parse(l) as { req?: { url?: string; method?: string } });
    expect(lines.some((l) => l.req?.method === 'POST' && l.req.url === '/rpc/saveRelease')).toBe(true);
    const session = await host.session();
    for (const secret of [session.rpcToken, session.sessionCookie, session.mediaCookie])
      expect(logged).not.toContain(secret);
    expect(logged).not.toContain(new URL(host.launchUrl).searchParams.get('token'));
    expect(logged).not.toContain('token=');
    expect(logged).not.toContain('DIUBAH OLEH PENYERANG');
  });
});
