import { z } from 'zod';
import {
  CategorySchema,
  ContactSchema,
  DocSchema,
  IdSchema,
  IsoDateSchema,
  LeadImageSchema,
  TimestampSchema,
} from '../../shared/domain';
import type { Category, Contact, DocNode, LeadImage } from '../../shared/domain';
import { TimeZoneSchema, type TimeZoneLabel } from '../../shared/office/time-zone';

/**
 * What HQ hands to the publisher when a release becomes Terbit / Dikoreksi: the release fields
 * as HQ holds them at the confirmed revision. Parsed again here (a trust boundary): the body is
 * any TipTap-shaped JSON and is only ever turned into HTML by the rendering gate.
 */
export const PublishInputSchema = z.object({
  id: IdSchema,
  title: z.string().max(300),
  slug: z.string().max(200).default(''),
  dateline: z.string().max(100).default(''),
  date: IsoDateSchema,
  category: CategorySchema,
  tags: z.array(z.string().min(1).max(60)).max(30).default([]),
  summary: z.string().max(2000).default(''),
  byline: z.string().max(200).default(''),
  office: z.string().max(200),
  /** Province of the office, when HQ knows it (for filters and `located`). */
  province: z.string().max(200).nullable().optional(),
  /** The office's zone: every time of this release is shown in it. */
  timeZone: TimeZoneSchema.default('WIB'),
  leadImage: LeadImageSchema.nullable().default(null),
  body: DocSchema,
  /** HQ's revision number of what is published (shown as the ninjs `version`). */
  revision: z.number().int().nonnegative().optional(),
  /** The release number HQ gave ("Nomor"), '' when the office numbers none. */
  number: z.string().max(100).default(''),
  /** The contact person ("Narahubung"). */
  contact: ContactSchema.nullable().default(null),
});
export type PublishInput = z.input<typeof PublishInputSchema>;
export type PublishFields = z.output<typeof PublishInputSchema>;

export type PublicState = 'terbit' | 'ditarik' | 'dikoreksi';

export interface Correction {
  /** HQ-confirmed time of the correction (ISO). */
  at: string;
  note: string;
}

/** One release as the public sees it. Times are ISO strings in UTC. */
export interface Publication {
  id: string;
  /** Unique and stable: assigned at first publication, never changed afterwards. */
  slug: string;
  office: string;
  officeSlug: string;
  province: string | null;
  /** The office's zone (WIB/WITA/WIT): the site shows this release's times in it. */
  timeZone: TimeZoneLabel;
  category: Category;
  tags: string[];
  title: string;
  summary: string;
  byline: string;
  dateline: string;
  /** The release's own date, YYYY-MM-DD (what the dateline shows). */
  date: string;
  leadImage: LeadImage | null;
  /** The release number ("Nomor"), '' when none. */
  number: string;
  /** The contact person ("Narahubung"), null when none was given. */
  contact: Contact | null;
  /** Source of truth: TipTap JSON as received. */
  body: DocNode;
  /** Derived by the rendering gate at publish/correct time; never taken from outside. */
  bodyHtml: string;
  /** Plain text of the body (for descriptions and word counts). */
  bodyText: string;
  /** Version of the gate that produced bodyHtml: a newer gate re-renders on read. */
  renderVersion: number;
  revision: number | null;
  /** HQ-confirmed time of the first publication. */
  firstPublishedAt: string;
  /** Embargo / scheduled time; null = public at once. */
  scheduledAt: string | null;
  /** When the public may first see it: max(firstPublishedAt, scheduledAt). */
  visibleFrom: string;
  lastModifiedAt: string;
  state: PublicState;
  corrections: Correction[];
  withdrawnAt: string | null;
  withdrawnReason: string | null;
  views: number;
  /** Bumped on every publish/correct/withdraw of this release (part of its ETag). */
  version: number;
}

interface ListQuery {
  /** Only releases visible at this instant (ISO). */
  now: string;
  officeSlug?: string | undefined;
  category?: Category | undefined;
  tag?: string | undefined;
  offset: number;
  limit: number;
}

export interface OfficeEntry {
  slug: string;
  name: string;
  count: number;
}

/** A fingerprint of everything visible at an instant: changes whenever a public list would. */
export interface VisibleStamp {
  /** Store-wide change counter. */
  seq: number;
  count: number;
  /** Latest of lastModifiedAt / visibleFrom among visible releases (ISO), null if none. */
  lastModified: string | null;
}

/** What an article's answer needs before its page: whether it is up, its version and count. */
export type PublicationHead = Pick<
  Publication,
  'id' | 'state' | 'visibleFrom' | 'withdrawnAt' | 'lastModifiedAt' | 'views' | 'version' | 'renderVersion'
>;

/** Persistence of the public site. SQLite implementation in store/. */
export interface PublicationStore {
  get(id: string): Publication | null;
  getBySlug(slug: string): Publication | null;
  /** The head of `slug` alone, without its text (the cached article page needs no more). */
  headBySlug(slug: string): PublicationHead | null;
  /** Ids of publications not withdrawn (public now or from their embargo time). */
  upIds(): string[];
  slugTaken(slug: string, exceptId: string): boolean;
  /** Insert or replace the row of `pub.id` (bumps the store change counter). */
  save(pub: Publication): void;
  list(q: ListQuery): { items: Publication[]; total: number };
  offices(now: string): OfficeEntry[];
  /** Whether a release visible at `now` shows this attachment (only those are served). */
  mediaVisible(sha256: string, now: string): boolean;
  stamp(now: string): VisibleStamp;
  /** Count one view of `id` by `visitor` (an opaque daily hash) on `day`. True when counted. */
  recordView(id: string, day: string, visitor: string): boolean;
  /** The secret salt for `day`; older salts and visit marks are deleted. */
  daySalt(day: string): string;
  transaction<T>(fn: () => T): T;
}

/** Where the bytes of an attachment come from (HQ's content-addressed attachment store). */
export interface AttachmentSource {
  read(sha256: string): Promise<Buffer | null>;
}

export const TransitionTimeSchema = TimestampSchema;
