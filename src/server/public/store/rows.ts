import { TimeZoneSchema } from '../../../shared/office/time-zone';
import type { Category, Contact, DocNode, LeadImage } from '../../../shared/domain';
import type { Correction, Publication, PublicState } from '../types';

/** A `pub_releases` row as stored. */
export interface PublicationRow {
  id: string;
  slug: string;
  office: string;
  office_slug: string;
  province: string | null;
  time_zone: string;
  category: string;
  tags: string;
  title: string;
  summary: string;
  byline: string;
  dateline: string;
  date: string;
  lead_image: string | null;
  number: string;
  contact: string | null;
  body_json: string;
  body_html: string;
  body_text: string;
  render_version: number;
  revision: number | null;
  first_published_at: string;
  scheduled_at: string | null;
  visible_from: string;
  last_modified_at: string;
  state: string;
  corrections: string;
  withdrawn_at: string | null;
  withdrawn_reason: string | null;
  views: number;
  version: number;
}

/** The body JSON is parsed only when read: pages use the stored HTML, not the source. */
export const fromRow = (r: PublicationRow): Publication => {
  let body: DocNode | null = null;
  const pub = {
    id: r.id,
    slug: r.slug,
    office: r.office,
    officeSlug: r.office_slug,
    province: r.province,
    timeZone: TimeZoneSchema.catch('WIB').parse(r.time_zone),
    category: r.category as Category,
    tags: JSON.parse(r.tags) as string[],
    title: r.title,
    summary: r.summary,
    byline: r.byline,
    dateline: r.dateline,
    date: r.date,
    leadImage: r.lead_image ? (JSON.parse(r.lead_image) as LeadImage) : null,
    number: r.number,
    contact: r.contact ? (JSON.parse(r.contact) as Contact) : null,
    get body(): DocNode {
      body ??= JSON.parse(r.body_json) as DocNode;
      return body;
    },
    bodyHtml: r.body_html,
    bodyText: r.body_text,
    renderVersion: r.render_version,
    revision: r.revision,
    firstPublishedAt: r.first_published_at,
    scheduledAt: r.scheduled_at,
    visibleFrom: r.visible_from,
    lastModifiedAt: r.last_modified_at,
    state: r.state as PublicState,
    corrections: JSON.parse(r.corrections) as Correction[],
    withdrawnAt: r.withdrawn_at,
    withdrawnReason: r.withdrawn_reason,
    views: r.views,
    version: r.version,
  };
  return pub;
};

export const toRow = (p: Publication): PublicationRow => ({
  id: p.id,
  slug: p.slug,
  office: p.office,
  office_slug: p.officeSlug,
  province: p.province,
  time_zone: p.timeZone,
  category: p.category,
  tags: JSON.stringify(p.tags),
  title: p.title,
  summary: p.summary,
  byline: p.byline,
  dateline: p.dateline,
  date: p.date,
  lead_image: p.leadImage ? JSON.stringify(p.leadImage) : null,
  number: p.number,
  contact: p.contact ? JSON.stringify(p.contact) : null,
  body_json: JSON.stringify(p.body),
  body_html: p.bodyHtml,
  body_text: p.bodyText,
  render_version: p.renderVersion,
  revision: p.revision,
  first_published_at: p.firstPublishedAt,
  scheduled_at: p.scheduledAt,
  visible_from: p.visibleFrom,
  last_modified_at: p.lastModifiedAt,
  state: p.state,
  corrections: JSON.stringify(p.corrections),
  withdrawn_at: p.withdrawnAt,
  withdrawn_reason: p.withdrawnReason,
  views: p.views,
  version: p.version,
});
