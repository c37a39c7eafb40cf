import type { Status } from '../domain/release';

/** What public visibility is decided from: a release's current head, nothing older. */
export interface VisibilityHead {
  status: Status;
  deleted: boolean;
  /** Embargo: public only from this instant on (null = as soon as published). */
  publishAt: string | null;
}

/**
 * When a head is on the public site: `{ from: null }` at once, `{ from }` from the embargo
 * time on, or null — not public at all. The one rule: the publisher follows it on every new
 * head, and tests compare the public site against it.
 */
export function publicWindow(head: VisibilityHead): { from: string | null } | null {
  if (head.deleted) return null;
  if (head.status !== 'terbit' && head.status !== 'dikoreksi') return null;
  return { from: head.publishAt };
}

/** Whether a head is on the public site at `now`. */
export function isPublicAt(head: VisibilityHead, now: string): boolean {
  const w = publicWindow(head);
  return w !== null && (w.from === null || Date.parse(w.from) <= Date.parse(now));
}

/**
 * A release that is public, or scheduled to become public, cannot be deleted by anyone: a
 * delete would leave the public page with no release to withdraw it from. It is taken off the
 * site by withdrawing it ("Tarik dari situs"); a withdrawn release can then go to the trash.
 * Disetujui with a schedule counts too, should an embargo ever be set before publishing.
 */
export function isDeleteLocked(state: { status: Status; publishAt: string | null }): boolean {
  if (state.status === 'terbit' || state.status === 'dikoreksi') return true;
  return state.status === 'disetujui' && state.publishAt !== null;
}
