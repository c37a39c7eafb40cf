import { describe, expect, it } from 'vitest';
import { doc, fields, paragraph } from '../helpers/docs';
import { Ledger, releaseState, TAGGED, tagWrites, type SideState, type Slot, type SlotValue } from './helpers/ledger';

const ID = 'r1';
const base = () => fields({ title: 'Rilis' }, ['a', 'Awal.'], ['b', 'Tengah.']);
const slots = (entries: [Slot, SlotValue][]) => new Map(entries);
const side = (...releases: [string, ReturnType<typeof base>][]): SideState =>
  new Map(releases.map(([id, f]) => [id, releaseState(f)]));

describe('the sync ledger', () => {
  it('splits a release into field slots and block texts', () => {
    const state = releaseState(base());
    expect(state.get('field:title')).toBe('"Rilis"');
    expect(state.get('block:a')).toBe('Awal.');
    expect(state.get('block:b')).toBe('Tengah.');
    expect(state.get('tag:pemilu')).toBe(TAGGED);
    expect(state.has('field:tags')).toBe(false);
  });

  it('holds when every side has the latest write of every slot', () => {
    const ledger = new Ledger();
    ledger.record('a', ID, 'create', releaseState(base()));
    ledger.record('b', ID, 'edit', slots([['block:b', 'Diubah.']]));
    const final = { ...base(), body: doc(paragraph('a', 'Awal.'), paragraph('b', 'Diubah.')) };
    expect(ledger.verify(new Map([['hq', side([ID, final])]]))).toEqual([]);
  });

  it('reports a dropped write', () => {
    const ledger = new Ledger();
    ledger.record('a', ID, 'create', releaseState(base()));
    ledger.record('b', ID, 'edit', slots([['block:b', 'Diubah.']]));
    // The edit never arrived on one side: its block still has the created text.
    const problems = ledger.verify(
      new Map([
        ['hq', side([ID, { ...base(), body: doc(paragraph('a', 'Awal.'), paragraph('b', 'Diubah.')) }])],
        ['c', side([ID, base()])],
      ]),
    );
    expect(problems).toHaveLength(1);
    expect(problems[0]).toMatch(/^c r1 block:b: write #2 by b \(edit\) "Diubah\." lost, holds "Tengah\."/);
  });

  it('reports a release that vanished, and one that outlived its delete', () => {
    const ledger = new Ledger();
    ledger.record('a', ID, 'create', releaseState(base()));
    ledger.record('a', 'r2', 'create', releaseState(base()));
    ledger.recordDelete('b', 'r2');
    expect(ledger.verify(new Map([['hq', side(['r2', base()])]]))).toEqual([
      'hq lost release r1 (last written by write #1)',
      'hq still holds release r2, deleted by write #3',
    ]);
  });

  it('reports content nobody wrote: a block, a field value, a whole release', () => {
    const ledger = new Ledger();
    ledger.record('a', ID, 'create', releaseState(base()));
    const forged = {
      ...base(),
      summary: 'Ringkasan siluman',
      body: doc(paragraph('a', 'Awal.'), paragraph('b', 'Tengah.'), paragraph('x', 'Siluman.')),
    };
    const problems = ledger.verify(new Map([['hq', side([ID, forged], ['r9', base()])]]));
    expect(problems).toEqual([
      expect.stringMatching(/field:summary: write #1 by a \(create\) "\\"\\"" lost, holds "\\"Ringkasan siluman\\""/),
      'hq r1 block:x holds "Siluman." that nobody wrote',
      'hq holds release r9 that nobody created',
    ]);
  });

  it('accepts an earlier write superseded by a later one on another workstation, in either order of arrival', () => {
    const ledger = new Ledger();
    ledger.record('a', ID, 'create', releaseState(base()));
    ledger.record('a', ID, 'edit', slots([['block:a', 'Dari a.']]));
    ledger.record('b', ID, 'edit', slots([['block:a', 'Dari b.']]));
    const fromB = { ...base(), body: doc(paragraph('a', 'Dari b.'), paragraph('b', 'Tengah.')) };
    const fromA = { ...base(), body: doc(paragraph('a', 'Dari a.'), paragraph('b', 'Tengah.')) };
    expect(ledger.verify(new Map([['hq', side([ID, fromB])]]))).toEqual([]);
    // The earlier write winning would lose the later one.
    expect(ledger.verify(new Map([['hq', side([ID, fromA])]]))).toHaveLength(1);
  });

  it('checks that a conflict stands between two recorded versions, and counts it', () => {
    const ledger = new Ledger();
    ledger.record('a', ID, 'create', releaseState(base()));
    ledger.record('a', ID, 'edit', slots([['block:a', 'Dari a.']]));
    ledger.record('b', ID, 'edit', slots([['block:a', 'Dari b.']]));
    expect(ledger.checkConflict('b', ID, [{ slot: 'block:a', mine: 'Dari b.', theirs: 'Dari a.' }])).toEqual([]);
    expect(ledger.checkConflict('b', ID, [{ slot: 'block:a', mine: 'Dari b.', theirs: 'Dari siapa?' }])).toEqual([
      'conflict on b r1 block:a: theirs "Dari siapa?" was never written',
    ]);
    expect(ledger.conflicts).toBe(2);
  });

  it('lets a restored release hold any recorded version of a slot written before its delete', () => {
    const ledger = new Ledger();
    ledger.record('a', ID, 'create', releaseState(base()));
    ledger.record('a', ID, 'edit', slots([['block:a', 'Dari a.']]));
    ledger.recordDelete('b', ID);
    ledger.record('c', ID, 'edit', slots([['block:b', 'Dihidupkan lagi.']]));
    const restored = { ...base(), body: doc(paragraph('a', 'Awal.'), paragraph('b', 'Dihidupkan lagi.')) };
    expect(ledger.verify(new Map([['hq', side([ID, restored])]]))).toEqual([]);
    const forged = { ...base(), body: doc(paragraph('a', 'Palsu.'), paragraph('b', 'Dihidupkan lagi.')) };
    expect(ledger.verify(new Map([['hq', side([ID, forged])]]))).toEqual([
      'hq r1 block:a holds "Palsu." that nobody wrote',
    ]);
  });
});

describe('tags in the ledger', () => {
  it('are one slot each, so a set merge of two writers keeps both and a removal sticks', () => {
    const ledger = new Ledger();
    ledger.record('a', ID, 'create', releaseState(base()));
    ledger.record('a', ID, 'edit', tagWrites(['pemilu'], ['pemilu', 'pilkada']));
    ledger.record('b', ID, 'edit', tagWrites(['pemilu'], ['dpt']));
    expect(ledger.verify(new Map([['hq', side([ID, { ...base(), tags: ['pilkada', 'dpt'] }])]]))).toEqual([]);
    expect(ledger.verify(new Map([['hq', side([ID, { ...base(), tags: ['pemilu', 'pilkada', 'dpt'] }])]]))).toEqual([
      `hq r1 tag:pemilu: write #3 by b (edit) null lost, holds "${TAGGED}"`,
    ]);
  });
});

describe('settling in the ledger', () => {
  it('a conflict settled for the other side withdraws the writer’s own write, so an earlier write may stand', () => {
    const ledger = new Ledger();
    ledger.record('a', ID, 'create', releaseState(base()));
    ledger.record('a', ID, 'edit', slots([['block:a', 'Dari a, kedua.']]));
    ledger.record('b', ID, 'edit', slots([['block:a', 'Dari b.']]));
    const fromA = { ...base(), body: doc(paragraph('a', 'Dari a, kedua.'), paragraph('b', 'Tengah.')) };
    expect(ledger.verify(new Map([['hq', side([ID, fromA])]]))).toHaveLength(1);
    ledger.withdraw('b', ID, 'block:a');
    expect(ledger.verify(new Map([['hq', side([ID, fromA])]]))).toEqual([]);
    // b's withdrawn text must not come back.
    const fromB = { ...base(), body: doc(paragraph('a', 'Dari b.'), paragraph('b', 'Tengah.')) };
    expect(ledger.verify(new Map([['hq', side([ID, fromB])]]))).toEqual([
      'hq r1 block:a: write #2 by a (edit) "Dari a, kedua." lost, holds "Dari b."',
    ]);
  });

  it('a delete that sync overruled keeps the release, and still reports a later write lost', () => {
    const ledger = new Ledger();
    ledger.record('a', ID, 'create', releaseState(base()));
    ledger.record('b', ID, 'edit', slots([['block:b', 'Diubah b.']]));
    ledger.recordDelete('a', ID);
    expect(ledger.verify(new Map([['hq', side([ID, base()])]]))).toEqual([
      'hq still holds release r1, deleted by write #3',
    ]);
    ledger.deleteOverruled('a', ID);
    // Restored from HQ's text: slots written before the delete hold some recorded version.
    expect(ledger.verify(new Map([['hq', side([ID, base()])]]))).toEqual([]);
    expect(ledger.verify(new Map([['hq', side()]]))).toEqual(['hq lost release r1 (last written by write #2)']);
    ledger.record('c', ID, 'edit', slots([['block:a', 'Sesudahnya.']]));
    expect(ledger.verify(new Map([['hq', side([ID, base()])]]))).toEqual([
      'hq r1 block:a: write #4 by c (edit) "Sesudahnya." lost, holds "Awal."',
    ]);
  });
});
