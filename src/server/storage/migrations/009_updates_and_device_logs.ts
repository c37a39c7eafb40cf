import type { Migration } from '../../../node/db/migrate';

/**
 * Desktop updates HQ hands out (one row per channel, feed file and version, with who may have
 * it yet) and the log bundles workstations send for support.
 */
export const migration009: Migration = {
  version: 9,
  name: 'updates_and_device_logs',
  up(db) {
    db.exec(`
      CREATE TABLE update_releases (
        id INTEGER PRIMARY KEY,
        channel TEXT NOT NULL CHECK (channel IN ('stable', 'pilot')),
        feed TEXT NOT NULL,
        version TEXT NOT NULL,
        yml TEXT NOT NULL,
        files TEXT NOT NULL,
        percent INTEGER CHECK (percent IS NULL OR percent BETWEEN 0 AND 100),
        offices TEXT,
        published_at TEXT NOT NULL,
        UNIQUE (channel, feed, version)
      );
      CREATE TABLE device_logs (
        id INTEGER PRIMARY KEY,
        device_id TEXT NOT NULL REFERENCES devices(id),
        office_id TEXT NOT NULL,
        bundle_id TEXT NOT NULL,
        received_at TEXT NOT NULL,
        text TEXT NOT NULL,
        UNIQUE (device_id, bundle_id)
      );
      CREATE INDEX device_logs_device ON device_logs(device_id, id);
    `);
  },
};
