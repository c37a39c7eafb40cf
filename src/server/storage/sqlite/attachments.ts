import type { HqStorage } from '../types';
import type { Query } from '../../../node/db/statement-cache';

/** Which attachments HQ holds (the bytes live in the attachment store on disk). */
export type AttachmentRecords = Pick<HqStorage, 'hasAttachment' | 'insertAttachment'>;

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
  };
}
