import type { Release } from '../../shared/domain';

type Listener = (release: Release | null) => void;

/**
 * Tells the library that releases changed (a save, a restore, a sync) so it refreshes
 * without every component knowing about every other.
 */
class ReleaseEvents {
  private listeners = new Set<Listener>();

  on(listener: Listener): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  emitSaved(release: Release): void {
    for (const listener of this.listeners) listener(release);
  }

  /** Something changed in bulk (sync, delete): refresh everything. */
  emitChanged(): void {
    for (const listener of this.listeners) listener(null);
  }
}

export const releaseEvents = new ReleaseEvents();
