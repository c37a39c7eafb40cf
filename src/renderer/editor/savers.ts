import { releaseFields, type DocNode, type Release, type ReleaseFields } from '../../shared/domain';
import { WartaError } from '../../shared/contract/define';
import { jsonEqual, mergeFields } from '../../shared/sync/merge';
import { api, errorMessage } from '../api';
import { releaseEvents } from '../common/events';
import { Autosaver } from './autosave';

/**
 * Edits waiting to be stored. The body is read lazily (a function over the live editor)
 * so a keystroke in a long release costs nothing until the save actually runs.
 */
interface ReleasePatch {
  fields: Partial<Omit<ReleaseFields, 'body'>>;
  body: (() => DocNode) | null;
}

const mergePatches = (older: ReleasePatch, newer: ReleasePatch): ReleasePatch => ({
  fields: { ...older.fields, ...newer.fields },
  body: newer.body ?? older.body,
});

/**
 * The stored release changed under the editor (a sync pulled or merged a change from HQ):
 * the editor takes `stored`, keeping whatever was typed since it sent `sent`.
 * `conflicts` counts the parts where both sides changed the same thing and ours was kept.
 */
export type Adopt = (stored: Release, sent: ReleaseFields, conflicts: number) => void;

/**
 * One editing session per release, kept beyond the editor's lifetime: when the writer
 * switches to another release while a save is still running or failing, it keeps going (and
 * retrying) until the words are stored.
 *
 * `base` is the stored version the editor's text is built on and `knownRev` its local
 * revision. Saves are partial and the body travels whole, so a save made on top of a change
 * that a sync stored meanwhile would silently undo it. Each save therefore first checks the
 * stored revision; if it moved, it merges (base, the editor's version, the stored one) with
 * the same three-way merge sync uses, stores the result and hands it to the editor.
 */
export interface ReleaseSession {
  saver: Autosaver<ReleasePatch>;
  base: ReleaseFields;
  knownRev: number;
  adopt: Adopt | null;
  stopListening: () => void;
}

const sessions = new Map<string, ReleaseSession>();

type BackgroundFailure = (title: string, message: string) => void;
const backgroundFailureListeners = new Set<BackgroundFailure>();

/**
 * A release no longer on screen whose save keeps failing (it is still retried): the writer
 * must hear of it, since its status line is gone.
 */
export function onBackgroundSaveFailure(listener: BackgroundFailure): () => void {
  backgroundFailureListeners.add(listener);
  return () => backgroundFailureListeners.delete(listener);
}

/** Fields of `merged` that differ from `stored`: what must be sent to store the merge. */
function changedFields(merged: ReleaseFields, stored: ReleaseFields): Partial<ReleaseFields> {
  const out: Record<string, unknown> = {};
  for (const key of Object.keys(merged) as (keyof ReleaseFields)[]) {
    if (!jsonEqual(merged[key], stored[key])) out[key] = merged[key];
  }
  return out as Partial<ReleaseFields>;
}

async function saveOnTop(session: ReleaseSession, id: string, patch: ReleasePatch): Promise<void> {
  const changed: Partial<ReleaseFields> = { ...patch.fields };
  if (patch.body) changed.body = patch.body();
  try {
    releaseEvents.emitSaved(await api.saveRelease({ id, fields: changed, expectedRev: session.knownRev }));
    return;
  } catch (error) {
    if (!(error instanceof WartaError && error.code === 'conflict')) throw error;
  }
  // Stored meanwhile by someone else (a sync): merge instead of overwriting.
  const current = await api.getRelease({ id });
  const ours: ReleaseFields = { ...session.base, ...changed };
  const theirs = releaseFields(current);
  const merge = mergeFields(session.base, ours, theirs);
  const toSend = changedFields(merge.fields, theirs);
  const stored = Object.keys(toSend).length > 0 ? await api.saveRelease({ id, fields: toSend }) : current;
  releaseEvents.emitSaved(stored);
  session.adopt?.(stored, ours, merge.conflictBlocks.length + merge.conflictFields.length);
}

export function sessionFor(release: Release): ReleaseSession {
  const existing = sessions.get(release.id);
  if (existing) {
    // Reopened after everything was stored: the freshly loaded release is the base.
    if (!existing.saver.hasUnsaved) {
      existing.base = releaseFields(release);
      existing.knownRev = release.localRev;
    }
    return existing;
  }
  const session: ReleaseSession = {
    base: releaseFields(release),
    knownRev: release.localRev,
    adopt: null,
    stopListening: () => undefined,
    saver: new Autosaver<ReleasePatch>({
      initial: { kind: 'saved', at: new Date(release.updatedAt) },
      merge: mergePatches,
      describeError: errorMessage,
      save: (patch) => saveOnTop(session, release.id, patch),
    }),
  };
  // Whatever stored this release through the UI (a save, a restore, a transition) is the new base.
  session.saver.listen((state) => {
    if (state.kind !== 'error' || session.adopt) return;
    for (const listener of backgroundFailureListeners) listener(session.base.title, state.message);
  });
  session.stopListening = releaseEvents.on((stored) => {
    if (stored?.id !== release.id) return;
    session.base = releaseFields(stored);
    session.knownRev = stored.localRev;
  });
  sessions.set(release.id, session);
  return session;
}

/** Waits until whatever was typed into this release is stored (before reloading it, restoring…). */
export async function flushRelease(id: string): Promise<boolean> {
  const session = sessions.get(id);
  return session ? session.saver.flush() : true;
}

/** Saves every release with pending edits (page hide, before unload). */
export function flushAll(): Promise<boolean[]> {
  return Promise.all([...sessions.values()].map((session) => session.saver.flush()));
}

export function hasUnsavedEdits(): boolean {
  for (const session of sessions.values()) if (session.saver.hasUnsaved) return true;
  return false;
}

/** Drops the session of a release that was deleted or replaced (restore): its state is gone. */
export function forgetSaver(id: string): void {
  const session = sessions.get(id);
  session?.saver.dispose();
  session?.stopListening();
  sessions.delete(id);
}
