import type { HqStorage } from '../types';
import type { Query } from '../../../node/db/statement-cache';

/** Which attachments HQ holds (the bytes live in the attachment store on disk), who sent them, who names them. */
export type AttachmentRecords = Pick<
  HqStorage,
  | 'hasAttachment'
  | 'insertAttachment'
  | 'recordAttachmentUpload'
  | 'uploadedByDevice'
  | 'officeAttachmentBytes'
  | 'recordAttachmentRefs'
  | 'attachmentReferencedIn'
>;

export function attachmentRecords(q: Query): AttachmentRecords {
  return {
    hasAttachment(sha256) {
      return q('SELECT 1 FROM attachments WHERE sha256 = ?').get(sha256) !== undefined;
    },

    insertAttachment(sha256, size, createdAt) {
      return (
        q('INSERT OR IGNORE INTO attachments (sha256, size, created_at) VALUES (?, ?, ?)').run(sha256, size, createdAt)
          .changes === 1
      );
    },

    recordAttachmentUpload(u) {
      q(
        'INSERT OR IGNORE INTO attachment_uploads (sha256, device_id, office_id, size, created_at) VALUES (?, ?, ?, ?, ?)',
      ).run(u.sha256, u.deviceId, u.officeId, u.size, u.createdAt);
    },

    uploadedByDevice(sha256, deviceId) {
      return (
        q('SELECT 1 FROM attachment_uploads WHERE sha256 = ? AND device_id = ?').get(sha256, deviceId) !== undefined
      );
    },

    officeAttachmentBytes(officeId) {
      const row = q(
        `SELECT COALESCE(SUM(size), 0) AS n FROM
           (SELECT DISTINCT sha256, size FROM attachment_uploads WHERE office_id = ?)`,
      ).get(officeId) as { n: number };
      return row.n;
    },

    recordAttachmentRefs(releaseId, officeId, sha256s) {
      const insert = q('INSERT OR IGNORE INTO attachment_refs (sha256, release_id, office_id) VALUES (?, ?, ?)');
      for (const sha of sha256s) insert.run(sha, releaseId, officeId);
    },

    attachmentReferencedIn(sha256, scope) {
      if (scope.all) return q('SELECT 1 FROM attachment_refs WHERE sha256 = ?').get(sha256) !== undefined;
      if (scope.officeIds.length === 0) return false;
      // The scope is a handful of offices: one indexed probe each beats a dynamic IN list.
      const probe = q('SELECT 1 FROM attachment_refs WHERE sha256 = ? AND office_id = ?');
      return scope.officeIds.some((office) => probe.get(sha256, office) !== undefined);
    },
  };
}
