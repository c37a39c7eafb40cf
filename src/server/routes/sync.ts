import type { FastifyInstance } from 'fastify';
import {
  MAX_PUSH_BYTES,
  MAX_PUSH_ENTRIES,
  PATHS,
  PULL_MAX_BYTES,
  PullQuerySchema,
  PushRequestSchema,
  type MeResponse,
  referencedAttachments,
  type PushResponse,
} from '../../shared/sync/protocol';
import { deviceOf } from '../auth';
import type { EdgeGuard } from '../edge/guard';
import { HttpError } from '../http-errors';
import { officeProfile } from '../offices';
import type { DeviceIdentity, HqStorage, RevisionRow } from '../storage/types';
import { applyPush } from '../sync/apply';
import { mayReadAttachment } from '../sync/attachment-access';
import { readScope } from '../sync/scope';
import { parseOr400 } from '../validate';
import { annotationChangeView, personView, releaseChangeView } from './views';

export interface SyncRouteHooks {
  /** Called after a batch committed, with the release revisions it created. */
  afterCommit(revisions: RevisionRow[]): void;
  /** Called inside the batch's transaction for each new revision (publishing). */
  onRevision(rev: RevisionRow): void;
  /** HQ's clock, when not the system's. */
  now?: (() => Date) | undefined;
}

/**
 * The storage a batch is applied with: an attachment "exists" for this device only if it may
 * read it, so naming another office's hash neither confirms it nor grants it.
 */
const asSeenBy = (storage: HqStorage, who: DeviceIdentity): HqStorage => ({
  ...storage,
  hasAttachment: (sha256) => mayReadAttachment(storage, who, sha256),
});

export function registerSyncRoutes(
  app: FastifyInstance,
  storage: HqStorage,
  guard: EdgeGuard,
  hooks: SyncRouteHooks,
): void {
  const onRequest = guard.requireDevice;
  app.get(PATHS.me, { onRequest }, async (request): Promise<MeResponse> => {
    const who = deviceOf(request);
    return {
      deviceId: who.device.id,
      deviceName: who.device.name,
      person: personView(who.person, who.office),
      nextSeq: who.device.lastSeq + 1,
      headCursor: storage.headCursor(),
      office: officeProfile(storage, who.office),
    };
  });

  app.post(PATHS.push, { bodyLimit: MAX_PUSH_BYTES, onRequest }, async (request): Promise<PushResponse> => {
    const who = deviceOf(request);
    const raw = request.body as { entries?: unknown } | null | undefined;
    if (raw && typeof raw === 'object' && Array.isArray(raw.entries) && raw.entries.length > MAX_PUSH_ENTRIES) {
      throw new HttpError(
        'too_large',
        `a batch holds at most ${MAX_PUSH_ENTRIES} entries (got ${raw.entries.length}); send it in parts`,
      );
    }
    const body = parseOr400(PushRequestSchema, request.body, 'push batch');
    const created: RevisionRow[] = [];
    const response = applyPush(asSeenBy(storage, who), who, body, {
      now: hooks.now,
      onRevision: (rev) => {
        created.push(rev);
        // Readers of this release may fetch what it shows (inside the batch's transaction).
        if (rev.fields) storage.recordAttachmentRefs(rev.releaseId, rev.officeId, referencedAttachments(rev.fields));
        hooks.onRevision(rev);
      },
    });
    request.log.info(
      {
        deviceId: who.device.id,
        entries: body.entries.length,
        nextSeq: response.nextSeq,
        statuses: response.results.map((r) => r.status).join(','),
      },
      'push applied',
    );
    if (created.length > 0) hooks.afterCommit(created);
    return response;
  });

  app.get(PATHS.pull, { onRequest }, async (request, reply): Promise<string> => {
    const who = deviceOf(request);
    const query = parseOr400(PullQuerySchema, request.query, 'pull query');
    const page = storage.readChanges(query.cursor, query.limit, readScope(storage, who));
    // Each change is serialised once: that text both measures the page and is the answer
    // (the same bytes Fastify's JSON.stringify of the whole page would send).
    const parts: string[] = [];
    let bytes = 0;
    let lastSent = 0;
    let cut = false;
    for (const row of page.rows) {
      const change = row.type === 'release' ? releaseChangeView(row.revision) : annotationChangeView(row.annotation);
      const json = JSON.stringify(change);
      bytes += json.length;
      // Keep a page's size bounded whatever the release sizes: cut after the byte budget (at
      // least one change, so a pull always advances) and let the client ask again.
      if (bytes > PULL_MAX_BYTES && parts.length > 0) {
        cut = true;
        break;
      }
      parts.push(json);
      lastSent = change.cursor;
    }
    const nextCursor = cut ? lastSent : page.scannedTo;
    const hasMore = cut || page.hasMore;
    reply.type('application/json; charset=utf-8');
    return `{"changes":[${parts.join(',')}],"nextCursor":${nextCursor},"hasMore":${hasMore}}`;
  });
}
