import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { contract } from '../../src/shared/contract';
import { OFFICE_DICTIONARY_CAP } from '../../src/shared/spelling/office-words';
import { OFFICE_WORDS_PATH } from '../../src/shared/sync/protocol';
import { startHq, type Hq } from '../helpers/hq';
import { makeTempDir } from '../helpers/tmp';
import { closeAll, openWorkstation, type Workstation } from './helpers/world';

// "Tambahkan ke kamus" on one workstation: the word is accepted there at once, and on the
// office's other workstations after both synced through HQ — never in another office.
describe("an office's own dictionary", () => {
  const tmp = makeTempDir('warta-words-');
  let hq: Hq;
  let first: Workstation;
  let second: Workstation;
  let other: Workstation;
  let token = '';

  beforeAll(async () => {
    hq = await startHq(join(tmp.dir, 'hq'));
    first = openWorkstation(tmp.dir, 'first');
    second = openWorkstation(tmp.dir, 'second');
    other = openWorkstation(tmp.dir, 'other');
    await first.sync.handlers.connectToHq({ serverUrl: hq.url, code: await hq.code('KPU Kabupaten Jayapura') });
    await second.sync.handlers.connectToHq({ serverUrl: hq.url, code: await hq.code('KPU Kabupaten Jayapura') });
    await other.sync.handlers.connectToHq({ serverUrl: hq.url, code: await hq.code('KPU Kabupaten Blora') });
    const enrolled = await fetch(`${hq.url}/api/v1/enroll`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ code: await hq.code('KPU Kabupaten Jayapura'), deviceName: 'forger' }),
    });
    token = ((await enrolled.json()) as { token: string }).token;
  });

  afterAll(() => closeAll(tmp, [first, second, other], hq));

  it('travels from one workstation to the office’s others through HQ', async () => {
    // Added while offline from HQ's point of view: nothing has synced yet.
    expect((await first.sync.handlers.addOfficeWord({ word: 'Sentani' })).words).toContain('Sentani');
    expect((await second.sync.handlers.listOfficeWords({})).words).not.toContain('Sentani');

    await first.sync.handlers.syncNow({});
    await second.sync.handlers.syncNow({});
    await other.sync.handlers.syncNow({});
    expect((await second.sync.handlers.listOfficeWords({})).words).toContain('Sentani');
    expect((await first.sync.handlers.listOfficeWords({})).words).toEqual(['Sentani']);
    expect((await other.sync.handlers.listOfficeWords({})).words).not.toContain('Sentani');
  });

  it('refuses a word that is not a word, on the workstation and at HQ', async () => {
    // The contract refuses it before any handler runs (dispatch validates every input).
    for (const word of ['<script>', 'dua kata', 'x', 'Pemilu2024']) {
      expect(contract.addOfficeWord.input.safeParse({ word }).success, word).toBe(false);
    }
    expect(contract.addOfficeWord.input.safeParse({ word: "Ma'ruf" }).success).toBe(true);
    const post = (body: unknown) =>
      fetch(`${hq.url}${OFFICE_WORDS_PATH}`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
        body: JSON.stringify(body),
      });
    expect((await post({ words: ['<img onerror=x>'] })).status).toBe(400);
    expect((await post({ words: ['kata dua'] })).status).toBe(400);
    expect((await post({ words: ['x'.repeat(41)] })).status).toBe(400);
    expect((await post({ words: ['Waena'], extra: 1 })).status).toBe(400);
    const unauthenticated = await fetch(`${hq.url}${OFFICE_WORDS_PATH}`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ words: ['Waena'] }),
    });
    expect(unauthenticated.status).toBe(401);

    // The office's cap holds whatever a device sends.
    // "kataa", "katab", … : distinct letter-only words.
    const letters = (i: number): string =>
      (i < 26 ? '' : letters(Math.floor(i / 26) - 1)) + String.fromCharCode(97 + (i % 26));
    const words = (n: number, from: number) => Array.from({ length: n }, (_, i) => `kata${letters(from + i)}`);
    let sent = 1;
    while (sent < OFFICE_DICTIONARY_CAP) {
      const n = Math.min(200, OFFICE_DICTIONARY_CAP - sent);
      expect((await post({ words: words(n, sent) })).status).toBe(200);
      sent += n;
    }
    const over = await post({ words: ['Waena'] });
    expect(over.status).toBe(413);
    expect(((await over.json()) as { message: string }).message).toContain(String(OFFICE_DICTIONARY_CAP));

    // A workstation's word beyond the cap: the sync still ends well, the refusal is logged once
    // and the word is not sent again (it stays accepted on that workstation).
    await first.sync.handlers.addOfficeWord({ word: 'Abepura' });
    const status = await first.sync.handlers.syncNow({});
    expect(status.lastError ?? null).toBeNull();
    const refusals = async () =>
      (await first.sync.handlers.listSyncLog({ limit: 50 })).items.filter(
        (i) => i.reason === 'syncLog.officeWordsRefused',
      );
    expect(await refusals()).toHaveLength(1);
    expect((await refusals())[0]?.params).toMatchObject({ words: 'Abepura' });
    await first.sync.handlers.syncNow({});
    expect(await refusals()).toHaveLength(1);
    expect((await first.sync.handlers.listOfficeWords({})).words).toContain('Abepura');
    expect((await second.sync.handlers.listOfficeWords({})).words).not.toContain('Abepura');
  });
});
