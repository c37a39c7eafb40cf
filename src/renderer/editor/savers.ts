import type { DocNode, Release, ReleaseFields } from '../../shared/domain';
import { api, errorMessage } from '../api';
import { releaseEvents } from '../common/events';
import { Autosaver, type SaveState } from './autosave';

/**
 * Edits waiting to be stored. The body is read lazily (a function over the live editor)
 * so a keystroke in a long release costs nothing until the save actually runs.
 */
export interface ReleasePatch {
  fields: Partial<Omit<ReleaseFields, 'body'>>;
  body: (() => DocNode) | null;
}

const mergePatches = (older: ReleasePatch, newer: ReleasePatch): ReleasePatch => ({
  fields: { ...older.fields, ...newer.fields },
  body: newer.body ?? older.body,
});

/**
 * One autosaver per release, kept beyond the editor's lifetime: when the writer switches
 * to another release while a save is still running or failing, it keeps going (and keeps
 * retrying) until the words are stored.
 */
const savers = new Map<string, Autosaver<ReleasePatch>>();

export function saverFor(release: Release): Autosaver<ReleasePatch> {
  const existing = savers.get(release.id);
  if (existing) return existing;
  const saver = new Autosaver<ReleasePatch>({
    initial: { kind: 'saved', at: new Date(release.updatedAt) },
    merge: mergePatches,
    describeError: errorMessage,
    save: async (patch) => {
      const fields: Partial<ReleaseFields> = { ...patch.fields };
      if (patch.body) fields.body = patch.body();
      const stored = await api.saveRelease({ id: release.id, fields });
      releaseEvents.emitSaved(stored);
    },
  });
  savers.set(release.id, saver);
  return saver;
}

/** Waits until whatever was typed into this release is stored (before reloading it, restoring…). */
export async function flushRelease(id: string): Promise<boolean> {
  const saver = savers.get(id);
  return saver ? saver.flush() : true;
}

/** Saves every release with pending edits (page hide, before unload). */
export function flushAll(): Promise<boolean[]> {
  return Promise.all([...savers.values()].map((saver) => saver.flush()));
}

export function hasUnsavedEdits(): boolean {
  for (const saver of savers.values()) if (saver.hasUnsaved) return true;
  return false;
}

/** Drops the saver of a release that was deleted or replaced (restore): its state is gone. */
export function forgetSaver(id: string): void {
  savers.get(id)?.dispose();
  savers.delete(id);
}

export type { SaveState };
