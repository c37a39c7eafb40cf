import type { ChangeActor, Person, AnnotationChange, ReleaseChange } from '../../shared/sync/protocol';
import type { AnnotationRow, OfficeRow, PersonRow, RevisionRow } from '../storage/types';

export const personView = (p: PersonRow, o: OfficeRow): Person => ({
  id: p.id,
  name: p.name,
  role: p.role,
  office: o.name,
  officeId: o.id,
  province: o.province,
  scope: p.scope,
});

const actorView = (a: ChangeActor): ChangeActor => ({ ...a });

export const releaseChangeView = (r: RevisionRow): ReleaseChange => ({
  type: 'release',
  cursor: r.cursor,
  releaseId: r.releaseId,
  revision: r.revision,
  officeId: r.officeId,
  deleted: r.deleted,
  fields: r.fields,
  status: r.status,
  publishAt: r.publishAt,
  event: r.event,
  fromStatus: r.fromStatus,
  note: r.note,
  by: actorView(r.actor),
});

export const annotationChangeView = (a: AnnotationRow): AnnotationChange => ({
  type: 'annotation',
  cursor: a.cursor,
  releaseId: a.releaseId,
  annotationId: a.id,
  annotationType: a.type,
  version: a.version,
  baseRevision: a.baseRevision,
  data: a.data,
  by: actorView(a.actor),
});
