import { canonicalJson } from '../../../src/shared/json/canonical';
import type { DocNode } from '../../../src/shared/domain/doc';
import type { Random } from '../../../src/shared/random/seeded';
import { toWire } from '../../../src/main/sync/local-releases';
import { doc, paragraph } from '../../helpers/docs';
import {
  nodeText,
  releaseState,
  TAGGED,
  tagWrites,
  type ConflictSlot,
  type Ledger,
  type Slot,
  type SlotValue,
} from './ledger';
import type { Workstation } from './world';

const pick = <T>(random: Random, items: readonly T[]): T => items[Math.floor(random() * items.length)]!;

/**
 * What the fault suite's writers do — random edits, settling conflicts, letting go of
 * releases HQ deleted, syncing — each recorded in the ledger as it happens. `problems` collects
 * what the ledger found wrong along the way (a conflict or a resolution holding content nobody wrote).
 */
export function recordedWriters(ledger: Ledger) {
  /** What the ledger found wrong while the rounds ran (conflicts, resolutions). */
  const problems: string[] = [];
  const liveIds = (w: Workstation): string[] =>
    w.store.db
      .prepare<[], { id: string }>('SELECT id FROM releases WHERE deleted_at IS NULL ORDER BY num')
      .all()
      .map((r) => r.id);

  const localState = async (w: Workstation, id: string) => releaseState(toWire(await w.releases.getRelease({ id })));
  const isLive = (w: Workstation, id: string): boolean =>
    !!w.store.db.prepare('SELECT 1 FROM releases WHERE id = ? AND deleted_at IS NULL').get(id);

  let counter = 0;
  async function randomEdit(random: Random, w: Workstation): Promise<void> {
    const ids = liveIds(w);
    const roll = random();
    counter++;
    if (ids.length === 0 || roll < 0.25) {
      const tag = `${w.name}${counter}`;
      const created = await w.releases.createRelease({
        fields: {
          title: `Rilis ${tag} dari ${w.name}`,
          body: doc(
            paragraph(`${tag}a`, `Awal ${tag}.`),
            paragraph(`${tag}b`, 'Tengah.'),
            paragraph(`${tag}c`, 'Akhir.'),
          ),
        },
      });
      ledger.record(w.name, created.id, 'create', await localState(w, created.id));
      return;
    }
    const id = pick(random, ids);
    const r = await w.releases.getRelease({ id });
    if (roll < 0.7) {
      const blocks = [...(r.body.content ?? [])];
      if (blocks.length === 0) return;
      const at = Math.floor(random() * blocks.length);
      const old = blocks[at]!;
      const text = `Diubah di ${w.name} #${counter}`;
      blocks[at] = { ...old, content: [{ type: 'text', text }] } as DocNode;
      await w.releases.saveRelease({ id, fields: { body: { ...r.body, content: blocks } } });
      ledger.record(w.name, id, 'edit', new Map<Slot, SlotValue>([[`block:${String(old.attrs?.id)}`, text]]));
    } else if (roll < 0.8) {
      const text = `Tambahan ${counter}`;
      const blocks = [...(r.body.content ?? []), paragraph(`n${w.name}${counter}`, text)];
      await w.releases.saveRelease({ id, fields: { body: { ...r.body, content: blocks } } });
      ledger.record(w.name, id, 'edit', new Map<Slot, SlotValue>([[`block:n${w.name}${counter}`, text]]));
    } else if (roll < 0.9) {
      const summary = `Ringkasan ${w.name} ${counter}`;
      await w.releases.saveRelease({ id, fields: { summary } });
      ledger.record(w.name, id, 'edit', new Map([['field:summary', canonicalJson(summary)]]));
    } else if (roll < 0.95) {
      const tags = [...r.tags, `t${counter}`].slice(-5);
      await w.releases.saveRelease({ id, fields: { tags } });
      ledger.record(w.name, id, 'edit', tagWrites(r.tags, tags));
    } else if (ids.length > 4) {
      await w.releases.deleteRelease({ id });
      ledger.recordDelete(w.name, id);
    }
  }

  /**
   * The writer settles every conflict by choosing one side (seeded). Each conflict must stand
   * between two recorded versions; the outcome is the writer's own write, and must itself be
   * one of the recorded versions.
   */
  async function resolveAll(random: Random, w: Workstation): Promise<void> {
    const { items } = await w.sync.handlers.listConflicts({});
    for (const c of items) {
      const value = (v: unknown): string | null => (v === undefined || v === null ? null : canonicalJson(v));
      const choose = () => (random() < 0.5 ? ('mine' as const) : ('theirs' as const));
      const settled: (ConflictSlot & { choice: 'mine' | 'theirs' })[] = [];
      const resolutions = c.blocks.map((b) => {
        const choice = choose();
        const [mine, theirs] = [b.mine, b.theirs].map((n) => (n ? nodeText(n) : null));
        settled.push({ slot: `block:${b.blockId}`, mine: mine!, theirs: theirs!, choice });
        return { blockId: b.blockId, choice };
      });
      const fields = c.fields.map((f) => {
        const choice = choose();
        if (f.field === 'tags') {
          // Tags are one slot each.
          const [mine, theirs] = [f.mine, f.theirs].map((t) => (Array.isArray(t) ? t.map(String) : []));
          for (const tag of new Set([...mine!, ...theirs!])) {
            const has = (list: string[]) => (list.includes(tag) ? TAGGED : null);
            settled.push({ slot: `tag:${tag}`, mine: has(mine!), theirs: has(theirs!), choice });
          }
        } else if (f.field !== 'body') {
          // The body's block order is no slot (its blocks are).
          settled.push({ slot: `field:${f.field}`, mine: value(f.mine), theirs: value(f.theirs), choice });
        }
        return { field: f.field, choice };
      });
      problems.push(...ledger.checkConflict(w.name, c.releaseId, settled));
      const liveBefore = isLive(w, c.releaseId);
      await w.sync.handlers.resolveConflict({ releaseId: c.releaseId, resolutions, fields });
      if (!isLive(w, c.releaseId)) {
        ledger.recordDelete(w.name, c.releaseId);
        continue;
      }
      // Settled for HQ's side: this writer's own writes there give way. For its own side: a new
      // write of what it kept. A release brought back from a delete takes every slot anew.
      for (const x of settled) if (liveBefore && x.choice === 'theirs') ledger.withdraw(w.name, c.releaseId, x.slot);
      const now = await localState(w, c.releaseId);
      const kept = liveBefore
        ? settled.filter((x) => x.choice === 'mine').map((x) => x.slot)
        : [...new Set([...now.keys(), ...settled.map((x) => x.slot)])];
      const outcome = new Map(kept.map((slot) => [slot, now.get(slot) ?? null]));
      for (const [slot, chosen] of outcome) {
        if (chosen !== null && !ledger.wasWritten(c.releaseId, slot, chosen))
          problems.push(`${w.name} resolved ${c.releaseId} ${slot} to ${JSON.stringify(chosen)}, never written`);
      }
      if (outcome.size > 0) ledger.record(w.name, c.releaseId, 'resolve', outcome);
    }
  }

  /** Sync brings back a release this writer deleted when HQ edited it meanwhile (and logs it). */
  const restoredSeen = new Map<string, number>();
  function noteRestores(w: Workstation): void {
    const rows = w.store.db
      .prepare<[number], { seen: number; release_id: string }>(
        `SELECT rowid AS seen, release_id FROM sync_log WHERE rowid > ? AND release_id IS NOT NULL AND message LIKE '%versi pusat dipulihkan%'`,
      )
      .all(restoredSeen.get(w.name) ?? 0);
    for (const r of rows) {
      ledger.deleteOverruled(w.name, r.release_id);
      restoredSeen.set(w.name, Math.max(restoredSeen.get(w.name) ?? 0, r.seen));
    }
  }
  async function syncNow(w: Workstation): Promise<void> {
    await w.sync.handlers.syncNow({});
    noteRestores(w);
  }

  /** A release HQ deleted while this writer still edited it: the writer lets it go. */
  async function discardRejectedDeletes(w: Workstation): Promise<number> {
    const rows = w.store.db
      .prepare<[], { id: string }>(
        `SELECT r.id FROM releases r JOIN sync_base b ON b.release_id = r.id
       WHERE r.deleted_at IS NULL AND b.deleted = 1`,
      )
      .all();
    for (const { id } of rows) {
      await w.releases.deleteRelease({ id });
      ledger.recordDelete(w.name, id);
    }
    return rows.length;
  }

  return { randomEdit, resolveAll, discardRejectedDeletes, syncNow, problems };
}
