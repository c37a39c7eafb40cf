import type { DocNode } from '../../../src/shared/domain/doc';
import { canonicalJson } from '../../../src/shared/json/canonical';
import type { WireFields } from '../../../src/shared/sync/protocol';

/**
 * What every workstation wrote, checked against what every side holds at the end. A release
 * is split into slots — one per field (`field:title`), one per top-level block (`block:<id>`,
 * holding its text) and one per tag (`tag:<name>`, tags merge as a set) — because sync merges
 * at that grain: two writers' edits to different slots must both survive, and of two edits to
 * one slot the later one (or the writer's recorded resolution of their conflict) must.
 */

export type Slot = `field:${string}` | `block:${string}` | `tag:${string}`;
/** A slot's content: canonical JSON for a field, the text for a block, TAGGED for a tag; null when absent. */
export type SlotValue = string | null;
/** One live release as a side holds it. */
export type ReleaseState = Map<Slot, string>;
/** Every live release on one side (HQ or a workstation), by id. */
export type SideState = Map<string, ReleaseState>;

export interface Write {
  seq: number;
  station: string;
  releaseId: string;
  kind: 'create' | 'edit' | 'resolve' | 'delete';
  values: Map<Slot, SlotValue>;
  /**
   * Slots its writer gave up later (a conflict settled for the other side), or, for a delete,
   * that sync gave it up (HQ's concurrent edit wins over a delete): they no longer count.
   */
  withdrawn: Set<Slot | 'release'>;
}

/** A block's text, as a writer reads it. */
export const nodeText = (node: DocNode): string =>
  node.text ?? (node.content ?? []).map((n) => (n.type === 'hardBreak' ? '\n' : nodeText(n))).join('');

export const TAGGED = 'tagged';

/** The tag slots a write of `after` over `before` sets: tags added, and tags removed (null). */
export function tagWrites(before: readonly string[], after: readonly string[]): Map<Slot, SlotValue> {
  const out = new Map<Slot, SlotValue>();
  for (const tag of after) if (!before.includes(tag)) out.set(`tag:${tag}`, TAGGED);
  for (const tag of before) if (!after.includes(tag)) out.set(`tag:${tag}`, null);
  return out;
}

/** Splits fields into slots. */
export function releaseState(fields: WireFields): ReleaseState {
  const out: ReleaseState = new Map();
  for (const [key, value] of Object.entries(fields)) {
    if (key !== 'body' && key !== 'tags') out.set(`field:${key}`, canonicalJson(value));
  }
  for (const tag of fields.tags) out.set(`tag:${tag}`, TAGGED);
  for (const [i, node] of (fields.body.content ?? []).entries()) {
    const id = typeof node.attrs?.id === 'string' ? node.attrs.id : `#${i}`;
    out.set(`block:${id}`, nodeText(node));
  }
  return out;
}

/** A conflict's slot as the workstation shows it: its side and HQ's, null where absent. */
export interface ConflictSlot {
  slot: Slot;
  mine: SlotValue;
  theirs: SlotValue;
}

export class Ledger {
  private next = 0;
  readonly writes: Write[] = [];
  /** Conflicts seen and checked, for the report. */
  conflicts = 0;

  /** Records one write; `values` holds only the slots it set. */
  record(station: string, releaseId: string, kind: Write['kind'], values: Map<Slot, SlotValue>): Write {
    const write: Write = { seq: ++this.next, station, releaseId, kind, values: new Map(values), withdrawn: new Set() };
    this.writes.push(write);
    return write;
  }

  recordDelete(station: string, releaseId: string): Write {
    return this.record(station, releaseId, 'delete', new Map());
  }

  /**
   * A writer settled a conflict on `slot` for the other side: its own writes to the slot so far
   * give way (the other side's write is then the latest that counts, even if it was made earlier).
   */
  withdraw(station: string, releaseId: string, slot: Slot): void {
    for (const w of this.writes) {
      if (w.station === station && w.releaseId === releaseId && w.values.has(slot)) w.withdrawn.add(slot);
    }
  }

  /** Sync brought back a release this station deleted, because HQ had edited it meanwhile. */
  deleteOverruled(station: string, releaseId: string): void {
    for (const w of this.writes) {
      if (w.station === station && w.releaseId === releaseId && w.kind === 'delete') w.withdrawn.add('release');
    }
  }

  /** Whether anybody ever wrote exactly this content into this slot. */
  wasWritten(releaseId: string, slot: Slot, value: SlotValue): boolean {
    return this.writes.some((w) => w.releaseId === releaseId && w.values.has(slot) && w.values.get(slot) === value);
  }

  /**
   * A conflict must stand between two recorded versions: neither side may hold content that
   * nobody wrote. Counts it; returns what is wrong.
   */
  checkConflict(station: string, releaseId: string, slots: readonly ConflictSlot[]): string[] {
    this.conflicts++;
    const problems: string[] = [];
    for (const { slot, mine, theirs } of slots) {
      for (const [side, value] of [
        ['mine', mine],
        ['theirs', theirs],
      ] as const) {
        if (value !== null && !this.wasWritten(releaseId, slot, value))
          problems.push(
            `conflict on ${station} ${releaseId} ${slot}: ${side} ${JSON.stringify(value)} was never written`,
          );
      }
    }
    return problems;
  }

  /**
   * Checks every side: each release whose last event is a delete is gone; every other
   * release is there, and each slot holds its latest recorded write — unless a delete came
   * after that write (the release was restored from some earlier version), in which case it
   * must still hold a recorded version. Withdrawn writes do not count. Nothing may appear that
   * nobody wrote. Returns the problems found, empty when the ledger holds.
   */
  verify(sides: ReadonlyMap<string, SideState>): string[] {
    const problems: string[] = [];
    const byRelease = new Map<string, Write[]>();
    for (const w of this.writes) byRelease.set(w.releaseId, [...(byRelease.get(w.releaseId) ?? []), w]);
    const ids = new Set(byRelease.keys());
    for (const side of sides.values()) for (const id of side.keys()) ids.add(id);

    for (const id of ids) {
      const writes = byRelease.get(id) ?? [];
      const deletes = writes.filter((w) => w.kind === 'delete');
      const lastDelete = Math.max(0, ...deletes.filter((w) => !w.withdrawn.has('release')).map((w) => w.seq));
      // Even an overruled delete ended its writer's say over what the release held before it.
      const lastAnyDelete = Math.max(0, ...deletes.map((w) => w.seq));
      const lastWrite = Math.max(0, ...writes.filter((w) => w.kind !== 'delete').map((w) => w.seq));
      const created = writes.some((w) => w.kind === 'create');
      for (const [name, side] of sides) {
        const held = side.get(id);
        if (!created) {
          if (held) problems.push(`${name} holds release ${id} that nobody created`);
          continue;
        }
        if (lastDelete > lastWrite) {
          if (held) problems.push(`${name} still holds release ${id}, deleted by write #${lastDelete}`);
          continue;
        }
        if (!held) {
          problems.push(`${name} lost release ${id} (last written by write #${lastWrite})`);
          continue;
        }
        const slots = new Set<Slot>(held.keys());
        for (const w of writes) for (const slot of w.values.keys()) slots.add(slot);
        for (const slot of slots) {
          const value = held.get(slot) ?? null;
          const latest = writes.findLast((w) => w.values.has(slot) && !w.withdrawn.has(slot));
          if (!latest) {
            if (value !== null && !this.wasWritten(id, slot, value))
              problems.push(`${name} ${id} ${slot} holds ${JSON.stringify(value)} that nobody wrote`);
          } else if (latest.seq < lastAnyDelete) {
            if (value !== null && !this.wasWritten(id, slot, value))
              problems.push(`${name} ${id} ${slot} holds ${JSON.stringify(value)} that nobody wrote`);
          } else if (latest.values.get(slot) !== value) {
            problems.push(
              `${name} ${id} ${slot}: write #${latest.seq} by ${latest.station} (${latest.kind}) ` +
                `${JSON.stringify(latest.values.get(slot))} lost, holds ${JSON.stringify(value)}`,
            );
          }
        }
      }
    }
    return problems;
  }
}
