import { z } from 'zod';
import type { LeadImage } from '../../shared/domain';
import { slugify } from '../../shared/text/slugify';
import { publicWindow, type VisibilityHead } from '../../shared/workflow';
import { RENDER_VERSION, RenderGate } from './render/gate';
import { PublishInputSchema, TransitionTimeSchema } from './types';
import type { Publication, PublicationStore, PublishFields, PublishInput } from './types';

class PublishError extends Error {
  constructor(
    readonly code: 'not_published' | 'invalid',
    message: string,
  ) {
    super(message);
    this.name = 'PublishError';
  }
}

export interface PublishOptions {
  /** HQ-confirmed time of the transition (ISO). Defaults to the publisher's clock. */
  at?: string;
  /** Embargo / scheduled publication: public only from this instant on. */
  scheduledAt?: string | null;
}

const NoteSchema = z.string().trim().min(1, 'a note is required').max(2000);
const laterOf = (a: string, b: string): string => (Date.parse(a) >= Date.parse(b) ? a : b);
const earlierOf = (a: string, b: string): string => (Date.parse(a) <= Date.parse(b) ? a : b);
const iso = (s: string): string => new Date(s).toISOString();

/** The rule the public site's URLs were minted with (see SlugOptions). */
const PUBLIC_URL_SLUG = { ampersandAsDan: false };

/** A slug nobody else holds: `base`, then `base-2`, `base-3`, … */
function uniqueSlug(base: string, taken: (slug: string) => boolean): string {
  const root = base || 'berita';
  if (!taken(root)) return root;
  for (let i = 2; ; i++) {
    const candidate = `${root}-${i}`;
    if (!taken(candidate)) return candidate;
  }
}

/** Lead image text is plain text, but cap and clean it like the schema does for figures. */
const cleanLeadImage = (img: LeadImage | null): LeadImage | null =>
  img
    ? {
        attachment: img.attachment,
        alt: img.alt.slice(0, 500),
        caption: img.caption.slice(0, 500),
        credit: img.credit.slice(0, 200),
      }
    : null;

/** A release's new head at HQ, as the publisher follows it. */
export interface HeadChange {
  id: string;
  head: VisibilityHead;
  /** The head was made by a workflow transition (Terbit publishes, Dikoreksi corrects). */
  transition: boolean;
  /** The transition's note: the correction note or the withdrawal reason. */
  note: string | null;
  /** HQ-confirmed time of the change (ISO). */
  at: string;
  /** The release fields at the head, for publishing; null for a tombstone. */
  release: PublishInput | null;
}

/**
 * What HQ's workflow calls on every new head of a release (`follow`), which publishes,
 * corrects or withdraws. Renders the body
 * through the gate once, here, and stores the result; pages only read.
 */
export class Publisher {
  readonly gate: RenderGate;

  /** Called inside the transaction after every publish/correct/withdraw (e.g. queue a forward). */
  private readonly onSaved: ((pub: Publication) => void)[] = [];

  constructor(
    readonly store: PublicationStore,
    private readonly clock: () => Date = () => new Date(),
    gate?: RenderGate,
  ) {
    this.gate = gate ?? new RenderGate();
  }

  afterSave(listener: (pub: Publication) => void): void {
    this.onSaved.push(listener);
  }

  private save(pub: Publication): void {
    this.store.save(pub);
    for (const l of this.onSaved) l(pub);
  }

  private time(at: string | undefined): string {
    return iso(at === undefined ? this.clock().toISOString() : TransitionTimeSchema.parse(at));
  }

  private parse(release: PublishInput): PublishFields {
    const r = PublishInputSchema.safeParse(release);
    if (!r.success)
      throw new PublishError('invalid', r.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; '));
    return r.data;
  }

  /**
   * The one place the public site follows HQ: on every new head, whatever made it (an edit, a
   * transition, a delete, a restore), the publication is made to match `publicWindow(head)`.
   * A head that is not public takes the page down at once; a public one is published (from its
   * embargo time) when the page is not up, and republished or corrected on a transition.
   */
  follow(change: HeadChange): Publication | null {
    const window = publicWindow(change.head);
    const prev = this.store.get(change.id);
    const up = prev !== null && prev.state !== 'ditarik';
    const note = change.note?.trim() || null;
    if (!window || !change.release) {
      if (!up) return prev;
      return this.withdraw(change.id, note ?? (change.head.deleted ? 'Dihapus' : 'Ditarik'), { at: change.at });
    }
    if (change.transition && change.head.status === 'dikoreksi' && up)
      return this.correct(change.release, note ?? 'Dikoreksi', { at: change.at });
    if (change.transition || !up) return this.publish(change.release, { at: change.at, scheduledAt: window.from });
    return prev;
  }

  /** Content part of a publication, freshly rendered. */
  private content(f: PublishFields) {
    const rendered = this.gate.render(f.body);
    return {
      office: f.office.trim(),
      officeSlug: slugify(f.office, PUBLIC_URL_SLUG) || 'kantor',
      province: f.province?.trim() || null,
      timeZone: f.timeZone,
      category: f.category,
      tags: [...new Set(f.tags.map((t) => t.trim()).filter(Boolean))],
      title: f.title.trim(),
      summary: f.summary.trim(),
      byline: f.byline.trim(),
      dateline: f.dateline.trim(),
      date: f.date,
      leadImage: cleanLeadImage(f.leadImage),
      number: f.number.trim(),
      contact: cleanContact(f.contact),
      body: f.body,
      bodyHtml: rendered.html,
      bodyText: rendered.text,
      renderVersion: RENDER_VERSION,
      revision: f.revision ?? null,
    };
  }

  /**
   * Terbit. First publication assigns the slug (from the release's slug, else its title) and the
   * first-published time; publishing again (a re-sent transition, or after a withdrawal) keeps both.
   */
  publish(release: PublishInput, opts: PublishOptions = {}): Publication {
    const f = this.parse(release);
    const at = this.time(opts.at);
    const scheduledAt = opts.scheduledAt ? iso(TransitionTimeSchema.parse(opts.scheduledAt)) : null;
    return this.store.transaction(() => {
      const prev = this.store.get(f.id);
      const slug =
        prev?.slug ?? uniqueSlug(slugify(f.slug || f.title, PUBLIC_URL_SLUG), (s) => this.store.slugTaken(s, f.id));
      const firstPublishedAt = prev?.firstPublishedAt ?? at;
      const stillPublic = prev !== null && prev.state !== 'ditarik';
      const pub: Publication = {
        id: f.id,
        slug,
        ...this.content(f),
        firstPublishedAt,
        scheduledAt,
        // "Now" never moves an already public release later; an embargo moves it to its time.
        visibleFrom: scheduledAt ? laterOf(scheduledAt, at) : stillPublic ? earlierOf(prev.visibleFrom, at) : at,
        lastModifiedAt: at,
        state: prev?.state === 'dikoreksi' ? 'dikoreksi' : 'terbit',
        corrections: prev?.corrections ?? [],
        withdrawnAt: null,
        withdrawnReason: null,
        views: prev?.views ?? 0,
        version: (prev?.version ?? 0) + 1,
      };
      this.save(pub);
      return pub;
    });
  }

  /** Dikoreksi: new content, same slug and first-published time, plus a dated public note. */
  correct(release: PublishInput, note: string, opts: { at?: string } = {}): Publication {
    const f = this.parse(release);
    const text = NoteSchema.parse(note);
    const at = this.time(opts.at);
    return this.store.transaction(() => {
      const prev = this.store.get(f.id);
      if (!prev || prev.state === 'ditarik')
        throw new PublishError('not_published', 'only a published release can be corrected');
      const pub: Publication = {
        ...prev,
        ...this.content(f),
        state: 'dikoreksi',
        corrections: [...prev.corrections, { at, note: text }],
        lastModifiedAt: at,
        version: prev.version + 1,
      };
      this.save(pub);
      return pub;
    });
  }

  /** Ditarik: the page answers 410 with the reason; lists, feeds, API and sitemap drop it. */
  withdraw(id: string, reason: string, opts: { at?: string } = {}): Publication {
    const text = NoteSchema.parse(reason);
    const at = this.time(opts.at);
    return this.store.transaction(() => {
      const prev = this.store.get(id);
      if (!prev) throw new PublishError('not_published', 'only a published release can be withdrawn');
      const pub: Publication = {
        ...prev,
        state: 'ditarik',
        withdrawnAt: at,
        withdrawnReason: text,
        lastModifiedAt: at,
        version: prev.version + 1,
      };
      this.save(pub);
      return pub;
    });
  }

  /** A publication with HTML from the current gate (older renders are redone, not trusted). */
  fresh(pub: Publication | null): Publication | null {
    if (!pub || pub.renderVersion === RENDER_VERSION) return pub;
    const rendered = this.gate.render(pub.body);
    const next = { ...pub, bodyHtml: rendered.html, bodyText: rendered.text, renderVersion: RENDER_VERSION };
    this.store.save(next);
    return next;
  }
}

/** A contact person with at least a name or a phone number; otherwise none. */
function cleanContact(contact: PublishFields['contact']): Publication['contact'] {
  if (!contact) return null;
  const c = { name: contact.name.trim(), role: contact.role.trim(), phone: contact.phone.trim() };
  return c.name || c.phone ? c : null;
}
