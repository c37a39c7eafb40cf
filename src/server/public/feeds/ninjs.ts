import { z } from 'zod';
import { mediaPath, IMAGE_WIDTHS } from '../media/sizes';
import type { ImageSize } from '../media/sizes';
import { articlePath } from '../pages/article-page';
import { contactLine } from '../../../shared/text/release-lines';
import { CATEGORY_LABELS_ID } from '../../../shared/domain/labels';
import type { SiteContext } from '../pages/html';
import type { Publication } from '../types';
import { IANA_ZONES } from '../../../shared/office/time-zone';
import { instantOf, zonedIso } from '../../../shared/time';
import { longDateTime } from '../format/dates';

/**
 * `/api/v1/releases`: each item follows IPTC ninjs 2.0 (https://iptc.org/std/ninjs/) where a
 * field fits — names and shapes as in ninjs-schema_2.0.json — and adds nothing outside it, so a
 * ninjs consumer can read it as is. Office/category/tags become `subjects`; the dateline place
 * is `located`; the byline is `by`; the lead image is an association with renditions.
 */
const Text = z.strictObject({ value: z.string(), role: z.string().optional(), contenttype: z.string().optional() });
const Body = Text.extend({
  charcount: z.number().int().nonnegative().optional(),
  wordcount: z.number().int().nonnegative().optional(),
});
const Subject = z.strictObject({
  name: z.string(),
  rel: z.string().optional(),
  uri: z.url().optional(),
  literal: z.string().optional(),
});
const Rendition = z.strictObject({
  name: z.string(),
  href: z.url(),
  contenttype: z.string(),
  width: z.number().int().positive(),
});
const Picture = z.strictObject({
  name: z.string(),
  uri: z.string(),
  type: z.literal('picture'),
  headlines: z.array(Text).optional(),
  descriptions: z.array(Text).optional(),
  by: z.string().optional(),
  renditions: z.array(Rendition),
});

export const NinjsItemSchema = z.strictObject({
  uri: z.url(),
  standard: z.strictObject({ name: z.literal('ninjs'), version: z.literal('2.0'), schema: z.url() }),
  type: z.literal('text'),
  representationtype: z.literal('full'),
  version: z.string().optional(),
  firstcreated: z.iso.datetime({ offset: true }),
  versioncreated: z.iso.datetime({ offset: true }),
  contentcreated: z.iso.datetime({ offset: true }).optional(),
  embargoed: z.iso.datetime({ offset: true }).optional(),
  pubstatus: z.enum(['usable', 'withheld', 'canceled']),
  language: z.literal('id'),
  slugline: z.string(),
  headlines: z.array(Text).min(1),
  descriptions: z.array(Text),
  bodies: z.array(Body).min(1),
  by: z.string().optional(),
  located: z.string().optional(),
  subjects: z.array(Subject),
  organisations: z.array(Subject),
  people: z.array(Subject).optional(),
  places: z.array(Subject).optional(),
  altids: z.array(z.strictObject({ role: z.string(), value: z.string() })),
  associations: z.array(Picture).optional(),
});
export type NinjsItem = z.infer<typeof NinjsItemSchema>;

export const ReleasesPageSchema = z.strictObject({
  items: z.array(NinjsItemSchema),
  page: z.number().int().positive(),
  perPage: z.number().int().positive(),
  total: z.number().int().nonnegative(),
  /** Absolute URL of the next page, null on the last. */
  next: z.url().nullable(),
});
export type ReleasesPage = z.infer<typeof ReleasesPageSchema>;

const wordCount = (s: string): number => (s.trim() ? s.trim().split(/\s+/).length : 0);

export function toNinjs(site: SiteContext, p: Publication): NinjsItem {
  const url = site.baseUrl + articlePath(p.slug);
  const zone = p.timeZone;
  const item: NinjsItem = {
    uri: url,
    standard: { name: 'ninjs', version: '2.0', schema: 'http://www.iptc.org/std/ninjs/ninjs-schema_2.0.json' },
    type: 'text',
    representationtype: 'full',
    ...(p.revision !== null ? { version: String(p.revision) } : {}),
    // Times carry the office's offset (+09:00 for WIT): the office's own clock, still one instant.
    firstcreated: zonedIso(p.visibleFrom, zone),
    versioncreated: zonedIso(p.lastModifiedAt > p.visibleFrom ? p.lastModifiedAt : p.visibleFrom, zone),
    // The release's own calendar date, midnight in the office's zone.
    contentcreated: zonedIso(instantOf(p.date, { hour: 0, minute: 0 }, zone), zone),
    pubstatus: 'usable',
    language: 'id',
    slugline: p.slug,
    headlines: [{ role: 'main', contenttype: 'text/plain', value: p.title }],
    descriptions: [
      ...(p.summary ? [{ role: 'summary', contenttype: 'text/plain', value: p.summary }] : []),
      ...(contactLine(p.contact)
        ? [{ role: 'contact', contenttype: 'text/plain', value: contactLine(p.contact) }]
        : []),
      ...p.corrections.map((c) => ({
        role: 'correction',
        contenttype: 'text/plain',
        value: `Dikoreksi pada ${longDateTime(c.at, zone)}: ${c.note}`,
      })),
    ],
    bodies: [
      {
        role: 'main',
        contenttype: 'text/html',
        value: p.bodyHtml,
        charcount: p.bodyText.length,
        wordcount: wordCount(p.bodyText),
      },
      { role: 'main', contenttype: 'text/plain', value: p.bodyText },
    ],
    ...(p.byline ? { by: p.byline } : {}),
    // The contact person ("Narahubung"): a person of the item, and the line as the page shows it.
    ...(p.contact?.name ? { people: [{ name: p.contact.name, rel: 'contact' }] } : {}),
    ...(p.dateline ? { located: p.dateline } : {}),
    subjects: [
      { name: CATEGORY_LABELS_ID[p.category], rel: 'category', literal: p.category },
      ...p.tags.map((t) => ({ name: t, rel: 'tag' })),
    ],
    organisations: [{ name: p.office, rel: 'publisher', literal: p.officeSlug }],
    places: [
      ...(p.province ? [{ name: p.province, rel: 'province' }] : []),
      // The zone the office's times are given in, by its label and its IANA name.
      { name: zone, rel: 'timezone', literal: IANA_ZONES[zone] },
    ],
    altids: [
      { role: 'warta-id', value: p.id },
      { role: 'slug', value: p.slug },
      ...(p.number ? [{ role: 'release-number', value: p.number }] : []),
    ],
  };
  if (p.scheduledAt) item.embargoed = zonedIso(p.scheduledAt, zone);
  if (p.leadImage) {
    const img = p.leadImage;
    item.associations = [
      {
        name: 'featureimage',
        uri: `urn:sha256:${img.attachment}`,
        type: 'picture',
        ...(img.caption ? { headlines: [{ role: 'caption', contenttype: 'text/plain', value: img.caption }] } : {}),
        ...(img.alt ? { descriptions: [{ role: 'alt', contenttype: 'text/plain', value: img.alt }] } : {}),
        ...(img.credit ? { by: img.credit } : {}),
        renditions: (Object.keys(IMAGE_WIDTHS) as ImageSize[]).map((s) => ({
          name: s,
          href: site.baseUrl + mediaPath(img.attachment, s),
          contenttype: 'image/jpeg',
          width: IMAGE_WIDTHS[s],
        })),
      },
    ];
  }
  return item;
}
