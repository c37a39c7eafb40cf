import { afterAll, describe, expect, it } from 'vitest';
import { enrollPerson } from '../../src/server/admin';
import type { HqServer } from '../../src/server/app';
import { runHqCli, spawnHqViaNpm, startHq, type Hq } from '../helpers/hq';
import { call } from '../helpers/hq-api';
import { removeTempDirs, tempDir } from '../helpers/tmp';

const servers: Hq[] = [];
afterAll(async () => {
  for (const s of servers) await s.close();
  removeTempDirs();
});

async function hqOn(dataDir: string): Promise<{ hq: HqServer; url: string }> {
  const hq = await startHq(dataDir);
  servers.push(hq);
  return { hq: hq.server, url: hq.url };
}

describe('enrollment through the real CLI', () => {
  it('enroll prints the code last; the code works once; revoke cuts the device off', async () => {
    const dataDir = tempDir();
    const out = await runHqCli([
      'enroll',
      '--data-dir',
      dataDir,
      '--office',
      'KPU Kabupaten Blora',
      '--name',
      'Siti Rahayu',
      '--role',
      'penulis',
    ]);
    expect(out.code, out.stderr).toBe(0);
    const lines = out.stdout.trim().split('\n');
    const code = lines.at(-1)!.trim();
    expect(code).toMatch(/^WARTA-[0-9A-Z]{4}(-[0-9A-Z]{4}){3}$/);
    expect(out.stdout).toContain('KPU Kabupaten Blora (Jawa Tengah)');

    const { hq, url } = await hqOn(dataDir);
    // HQ stores only hashes: the code is nowhere in the database.
    expect(JSON.stringify(hq.storage.dump())).not.toContain(code);

    // Typed loosely (lower case, spaces) still works.
    const enrolled = await call(url, '/api/v1/enroll', {
      body: { code: ` ${code.toLowerCase().replaceAll('-', ' ')} `, deviceName: 'Laptop humas' },
    });
    expect(enrolled.status).toBe(201);
    const body = enrolled.body as { deviceId: string; token: string; person: Record<string, unknown> };
    expect(body.person).toMatchObject({
      name: 'Siti Rahayu',
      role: 'penulis',
      office: 'KPU Kabupaten Blora',
      province: 'Jawa Tengah',
      scope: 'office',
    });
    expect(JSON.stringify(hq.storage.dump())).not.toContain(body.token);

    // Single use.
    const before = hq.storage.dump();
    const reused = await call(url, '/api/v1/enroll', { body: { code, deviceName: 'Laptop lain' } });
    expect(reused.status).toBe(401);
    expect(reused.body).toMatchObject({ code: 'code_used' });
    expect(hq.storage.dump()).toEqual(before);

    expect((await call(url, '/api/v1/sync/me', { token: body.token })).status).toBe(200);
    const listed = await runHqCli(['devices', '--data-dir', dataDir, '--json']);
    expect(JSON.parse(listed.stdout)).toEqual([
      expect.objectContaining({ id: body.deviceId, name: 'Laptop humas', personName: 'Siti Rahayu', revokedAt: null }),
    ]);

    const revoked = await runHqCli(['revoke', '--data-dir', dataDir, '--device', body.deviceId]);
    expect(revoked.code, revoked.stderr).toBe(0);
    const afterRevoke = hq.storage.dump();
    for (const path of ['/api/v1/sync/me', '/api/v1/sync/pull?cursor=0']) {
      const res = await call(url, path, { token: body.token });
      expect(res.status).toBe(401);
      expect(res.body).toMatchObject({ code: 'unauthorized' });
    }
    const pushed = await call(url, '/api/v1/sync/push', {
      token: body.token,
      body: {
        deviceId: body.deviceId,
        entries: [{ kind: 'release.delete', releaseId: body.deviceId, baseRevision: 1, seq: 1 }],
      },
    });
    expect(pushed.status).toBe(401);
    expect(hq.storage.dump()).toEqual(afterRevoke);
  });

  it('an unknown office is accepted with a warning, the code still last; --strict-office refuses it', async () => {
    const dataDir = tempDir();
    const out = await runHqCli([
      'enroll',
      '--data-dir',
      dataDir,
      '--office',
      'KPU Kota Antah Berantah',
      '--name',
      'Tes',
      '--role',
      'peninjau',
      '--province',
      'Jawa Barat',
    ]);
    expect(out.code, out.stderr).toBe(0);
    expect(out.stdout).toContain('warning:');
    expect(out.stdout.trim().split('\n').at(-1)).toMatch(/^WARTA-/);
    const strict = await runHqCli([
      'enroll',
      '--data-dir',
      dataDir,
      '--office',
      'KPU Kota Antah Berantah',
      '--name',
      'Tes',
      '--role',
      'penulis',
      '--strict-office',
    ]);
    expect(strict.code).not.toBe(0);
    expect(strict.stderr).toContain('idn-area-data');
    const badRole = await runHqCli([
      'enroll',
      '--data-dir',
      dataDir,
      '--office',
      'KPU Kabupaten Blora',
      '--name',
      'Tes',
      '--role',
      'editor',
    ]);
    expect(badRole.code).not.toBe(0);
  });
});

describe('npm run hq', () => {
  it('prints "Warta HQ: http://127.0.0.1:N/" when ready and serves there', async () => {
    const dataDir = tempDir();
    const { url, stop } = await spawnHqViaNpm(['--port', '0', '--data-dir', dataDir]);
    try {
      expect((await call(url, '/api/v1/health')).body).toEqual({ ok: true, protocol: 1 });
      expect((await call(url, '/api/v1/sync/pull')).status).toBe(401);
    } finally {
      await stop();
    }
  });
});

describe('enrollment codes', () => {
  it('an expired code is refused and changes nothing; office names match idn-area-data loosely', async () => {
    const dataDir = tempDir();
    const { hq, url } = await hqOn(dataDir);
    const old = await enrollPerson(
      hq.storage,
      { office: 'kpu kab. blora', name: 'Lama', role: 'penulis', expiresHours: 24 },
      new Date(Date.now() - 25 * 3600_000),
    );
    expect(old.office.name).toBe('KPU Kabupaten Blora');
    const before = hq.storage.dump();
    const res = await call(url, '/api/v1/enroll', { body: { code: old.code, deviceName: 'x' } });
    expect(res.status).toBe(401);
    expect(res.body).toMatchObject({ code: 'code_expired' });
    expect(hq.storage.dump()).toEqual(before);
    // Same office reused, not duplicated.
    const again = await enrollPerson(hq.storage, { office: 'KPU Kabupaten Blora', name: 'Baru', role: 'penulis' });
    expect(again.officeCreated).toBe(false);
    expect(again.office.id).toBe(old.office.id);
    const city = await enrollPerson(hq.storage, {
      office: 'KPU Kota Semarang',
      name: 'K',
      role: 'peninjau',
      scope: 'province',
    });
    expect(city.office).toMatchObject({ name: 'KPU Kota Semarang', province: 'Jawa Tengah', regencyCode: '33.74' });
  });
});
