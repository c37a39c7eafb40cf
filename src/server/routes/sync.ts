import type { FastifyInstance } from 'fastify';
import {
  MAX_PUSH_BYTES,
  MAX_PUSH_ENTRIES,
  PATHS,
  PULL_MAX_BYTES,
  PullQuerySchema,
  PushRequestSchema,
  type MeResponse,
  type PullResponse,
  type PushResponse,
} from '../../shared/sync/protocol';
import { authenticate } from '../auth';
import { HttpError } from '../http-errors';
import type { HqStorage, RevisionRow } from '../storage/types';
import { applyPush } from '../sync/apply';
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

export function registerSyncRoutes(app: FastifyInstance, storage: HqStorage, hooks: SyncRouteHooks): void {
  app.get(PATHS.me, async (request): Promise<MeResponse> => {
    const who = authenticate(storage, request);
    return {
      deviceId: who.device.id,
      deviceName: who.device.name,
      person: personView(who.person, who.office),
      nextSeq: who.device.lastSeq + 1,
      headCursor: storage.headCursor(),
    };
  });

  app.post(PATHS.push, { bodyLimit: MAX_PUSH_BYTES }, async (request): Promise<PushResponse> => {
    const who = authenticate(storage, request);
    const raw = request.body as { entries?: unknown } | null | undefined;
    if (raw && typeof raw === 'object' && Array.isArray(raw.entries) && raw.entries.length > MAX_PUSH_ENTRIES) {
      throw new HttpError(
        'too_large',
        `a batch holds at most ${MAX_PUSH_ENTRIES} entries (got ${raw.entries.length}); send it in parts`,
      );
    }
    const body = parseOr400(PushRequestSchema, request.body, 'push batch');
    const created: RevisionRow[] = [];
    const response = applyPush(storage, who, body, {
      now: hooks.now,
      onRevision: (rev) => {
        created.push(rev);
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

  app.get(PATHS.pull, async (request): Promise<PullResponse> => {
    const who = authenticate(storage, request);
    const query = parseOr400(PullQuerySchema, request.query, 'pull query');
    const page = storage.readChanges(query.cursor, query.limit, readScope(storage, who));
    const changes = page.rows.map((row) =>
      row.type === 'release' ? releaseChangeView(row.revision) : annotationChangeView(row.annotation),
    );
    // Keep a page's size bounded whatever the release sizes: cut after the byte budget (at
    // least one change, so a pull always advances) and let the client ask again.
    let bytes = 0;
    for (let i = 0; i < changes.length; i++) {
      bytes += JSON.stringify(changes[i]).length;
      if (bytes > PULL_MAX_BYTES && i > 0) {
        return { changes: changes.slice(0, i), nextCursor: changes[i - 1]!.cursor, hasMore: true };
      }
    }
    return { changes, nextCursor: page.scannedTo, hasMore: page.hasMore };
  });
}
