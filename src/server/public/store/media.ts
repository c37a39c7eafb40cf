import type { Query } from '../../../node/db/statement-cache';
import { SHA256_HEX } from '../../../shared/domain/digest';
import type { Publication, PublicationStore } from '../types';

const MEDIA_PATH = new RegExp(`/media/(${SHA256_HEX})/`, 'g');

/** Which attachments the site may serve: only those a visible publication shows. */
export interface MediaRecords extends Pick<PublicationStore, 'mediaVisible'> {
  /** Records what `pub` shows now, forgetting what its earlier version showed. */
  replaceMedia(pub: Publication): void;
}

/** The attachments a publication shows: its lead image and the figures the gate kept. */
function mediaOf(pub: Publication): string[] {
  const out = new Set<string>();
  if (pub.leadImage) out.add(pub.leadImage.attachment);
  for (const m of pub.bodyHtml.matchAll(MEDIA_PATH)) out.add(m[1] as string);
  return [...out];
}

export function mediaRecords(q: Query): MediaRecords {
  return {
    replaceMedia(pub) {
      q('DELETE FROM pub_media WHERE release_id = ?').run(pub.id);
      const add = q('INSERT OR IGNORE INTO pub_media (release_id, sha256) VALUES (?, ?)');
      for (const sha of mediaOf(pub)) add.run(pub.id, sha);
    },

    mediaVisible(sha256, now) {
      return (
        q(
          `SELECT 1 FROM pub_media m JOIN pub_releases r ON r.id = m.release_id
           WHERE m.sha256 = @sha AND r.state IN ('terbit','dikoreksi') AND r.visible_from <= @now LIMIT 1`,
        ).get({ sha: sha256, now }) !== undefined
      );
    },
  };
}
