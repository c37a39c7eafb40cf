import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  assertRendererBuilt,
  launchChromium,
  makeTempDir,
  rpc,
  rpcRaw,
  startWebHost,
  webUrlFile,
  type RunningWebHost,
} from '../helpers';

/**
 * Any program or user on the computer can connect to 127.0.0.1. So the web host hands nothing
 * secret to a request that does not already hold a session: a browser gets one only through
 * the one-time link printed on start (as Jupyter's token), and each link works once.
 */
describe('the workstation opens only through its printed one-time link', { timeout: 180_000 }, () => {
  const tmp = makeTempDir('warta-session-');
  let host: RunningWebHost;
  let browser: Browser;

  beforeAll(async () => {
    assertRendererBuilt();
    [host, browser] = await Promise.all([startWebHost({ dataDir: join(tmp.dir, 'ws') }), launchChromium()]);
  });

  afterAll(async () => {
    await browser?.close();
    await host?.kill('SIGTERM');
    tmp.cleanup();
  });

  /** Status, headers and body of a response as one string, to search for anything secret. */
  const whole = async (res: Response): Promise<string> =>
    `${res.status}\n${[...res.headers].map(([k, v]) => `${k}: ${v}`).join('\n')}\n\n${await res.text()}`;

  it('shows anyone without the cookie where the link is, and nothing secret', async () => {
    const session = await host.session();
    const current = new URL(readFileSync(webUrlFile(host.dataDir), 'utf8').trim()).searchParams.get('token') ?? '';
    expect(current).toMatch(/^[A-Za-z0-9_-]{43}$/);
    const secrets = [session.rpcToken, session.sessionCookie, session.mediaCookie, current];

    const root = await fetch(host.url);
    expect(root.status).toBe(401);
    const page = await whole(root);
    expect(page).toMatch(/buka tautan yang dicetak saat Warta dijalankan/i);
    expect(page).toMatch(/open the link printed when Warta started/i);
    expect(page).toContain(`Warta workstation: http://127.0.0.1:${host.port}/?token=…`);

    for (const path of ['', 'index.html', 'pengaturan', 'session', '?token=ditebak', `?token=${current}x`]) {
      const res = await fetch(`${host.url}${path}`, { redirect: 'manual' });
      expect([401, 403], path).toContain(res.status);
      expect(res.headers.get('set-cookie'), path).toBeNull();
      const text = await whole(res);
      for (const secret of secrets) expect(text, path).not.toContain(secret);
    }
  });

  it('refuses RPC without the session cookie, even with the right token, changing nothing', async () => {
    const session = await host.session();
    const before = await rpc(host, 'listReleases', {});
    const attempts: Record<string, string | undefined>[] = [
      { cookie: undefined },
      { cookie: `warta_media_${host.port}=${session.mediaCookie}` },
      // The media cookie's value where the session cookie goes: a different value, worth nothing here.
      { cookie: `warta_session_${host.port}=${session.mediaCookie}` },
      { cookie: `warta_session_${host.port}=${session.rpcToken}` },
    ];
    for (const headers of attempts) {
      const { status, envelope } = await rpcRaw(
        host,
        'createRelease',
        { fields: { title: 'Rilis penyusup' } },
        headers,
      );
      expect(status, JSON.stringify(headers)).toBe(401);
      expect(envelope.ok).toBe(false);
      if (!envelope.ok) expect(envelope.error.reason).toBe('web.noSession');
    }
    // Another browser's session with this session's token: the token belongs to one session only.
    const other = await fetch(await host.openUrl(), { redirect: 'manual' });
    const otherCookie = (other.headers.getSetCookie().find((c) => c.startsWith('warta_session_')) ?? '').split(';')[0];
    const crossed = await rpcRaw(
      host,
      'createRelease',
      { fields: { title: 'Rilis penyusup' } },
      { cookie: otherCookie },
    );
    expect(crossed.status).toBe(403);
    expect(await rpc(host, 'listReleases', {})).toEqual(before);
  });

  it('gives media a cookie value of its own, unrelated to the RPC credential', async () => {
    const session = await host.session();
    for (const [a, b] of [
      [session.mediaCookie, session.rpcToken],
      [session.mediaCookie, session.sessionCookie],
      [session.sessionCookie, session.rpcToken],
    ] as const) {
      expect(a).not.toBe(b);
      expect(a).not.toContain(b);
      expect(b).not.toContain(a);
    }
  });

  it('lets a real browser in once with the printed link; the same link again is refused', async () => {
    const fresh = await startWebHost({ dataDir: join(tmp.dir, 'fresh') });
    try {
      const link = fresh.launchUrl;
      expect(fresh.output().stdout).toBe(`Warta workstation: ${link}\n`);

      const first = await browser.newContext();
      const page = await first.newPage();
      await page.goto(link);
      // The token is gone from the address bar (and so from history and bookmarks).
      expect(page.url()).toBe(fresh.url);
      await page.getByRole('button', { name: 'Rilis baru' }).click();
      await page.getByRole('textbox', { name: 'Judul', exact: true }).fill('Dibuka lewat tautan sekali pakai');
      await page
        .getByRole('status')
        .filter({ hasText: /^Tersimpan/ })
        .waitFor({ timeout: 60_000 });
      const cookies = await first.cookies();
      const sessionCookie = cookies.find((c) => c.name === `warta_session_${fresh.port}`);
      const mediaCookie = cookies.find((c) => c.name === `warta_media_${fresh.port}`);
      expect(sessionCookie).toMatchObject({ httpOnly: true, sameSite: 'Strict', path: '/' });
      expect(mediaCookie).toMatchObject({ httpOnly: true, sameSite: 'Strict', path: '/media' });
      // The page holds no secret in its document either.
      const html = await page.content();
      expect(html).not.toContain(sessionCookie?.value);
      expect(html).not.toContain(mediaCookie?.value);

      const second = await browser.newContext();
      const again = await second.newPage();
      const refused = await again.goto(link);
      expect(refused?.status()).toBe(403);
      await again.getByText('Tautan ini sudah dipakai atau tidak berlaku lagi.').waitFor();
      expect(await again.getByRole('button', { name: 'Rilis baru' }).count()).toBe(0);
      expect(await second.cookies()).toEqual([]);

      // The launcher's file already holds the next link, and that one works.
      const next = readFileSync(webUrlFile(fresh.dataDir), 'utf8').trim();
      expect(next).not.toBe(link);
      await again.goto(next);
      await again.getByRole('button', { name: 'Rilis baru' }).waitFor({ timeout: 60_000 });
      await first.close();
      await second.close();
    } finally {
      await fresh.kill('SIGTERM');
    }
  });
});
