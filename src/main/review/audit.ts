import type { AuditEntry } from '../../shared/contract/review';
import type { Status } from '../../shared/domain/release';
import { type Db, requireRow } from '../store';
import { hqRevisionSteps } from '../sync';
import type { ReviewContext } from './actor';
import { listAuditRecords } from './tables/audit';

export interface HqRevert {
  at: string;
  author: string;
  from: Status;
  message: string;
  /** No move since: the release still waits in Diajukan because of this edit. */
  current: boolean;
}

/**
 * Edits that took an approval away at HQ (HQ applies the same pin as onContentChanged),
 * read from HQ's history as this workstation mirrors it.
 */
export function hqReverts(db: Db, releaseId: string): HqRevert[] {
  const out: HqRevert[] = [];
  let prev: Status | null = null;
  for (const r of hqRevisionSteps(db, releaseId)) {
    if (out.length && r.status !== prev) out[out.length - 1]!.current = false;
    if (
      r.event !== 'transition' &&
      r.status === 'diajukan' &&
      (prev === 'disetujui' || prev === 'terbit') &&
      r.hqTime
    ) {
      out.push({
        at: r.hqTime,
        author: r.author,
        from: prev,
        message: `Rilis diubah oleh ${r.author} setelah disetujui, sehingga kembali ke status Diajukan dan perlu ditinjau ulang.`,
        current: true,
      });
    }
    prev = r.status ?? prev;
  }
  const status = requireRow(db, releaseId).status;
  return out.map((r) => ({ ...r, current: r.current && status === 'diajukan' }));
}

export function listAudit(ctx: ReviewContext, releaseId: string): AuditEntry[] {
  requireRow(ctx.db, releaseId);
  const items = listAuditRecords(ctx.db, releaseId);
  // Approvals HQ withdrew because someone else edited the text (this workstation's own
  // edits already left a local notice).
  const self = ctx.actor().name;
  for (const r of hqReverts(ctx.db, releaseId)) {
    if (r.author === self) continue;
    items.push({
      at: r.at,
      hqTime: r.at,
      actor: r.author,
      role: '',
      action: 'notice',
      fromStatus: r.from,
      toStatus: 'diajukan',
      detail: r.message,
    });
  }
  return items.sort((a, b) => (a.hqTime ?? a.at).localeCompare(b.hqTime ?? b.at));
}
