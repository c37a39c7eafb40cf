import type { Migration } from '../../../node/db/migrate';

/**
 * History is append-only: revisions (the audit trail), stored push results, annotation
 * versions and the change log can be added to, never rewritten.
 */
export const migration002: Migration = {
  version: 2,
  name: 'append_only',
  up(db) {
    for (const t of ['revisions', 'push_results', 'annotations', 'changes']) {
      db.exec(`
        CREATE TRIGGER ${t}_no_update BEFORE UPDATE ON ${t} BEGIN SELECT RAISE(ABORT, '${t} is append-only'); END;
        CREATE TRIGGER ${t}_no_delete BEFORE DELETE ON ${t} BEGIN SELECT RAISE(ABORT, '${t} is append-only'); END;`);
    }
  },
};
