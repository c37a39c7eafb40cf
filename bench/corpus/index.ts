/**
 * The seeded corpus the sync benchmarks move: releases of 200–3,000 words (most near the short
 * end, as an office writes them; about 7.3 KB of TipTap JSON on average) with headings, nested
 * lists, quotes, links and some tables, one in ten with a 200 KB photo. Release `i` depends on
 * the seed and `i` only, so any side can regenerate any release (or its photo) on its own.
 */
import type { ReleaseFields } from '../../src/shared/domain/release';
import { releaseBody } from './body';
import { jpegOfSize, type CorpusImage } from './image';
import { createRng } from './random';
import { PLACES, TAGS } from './words';

export { sampleBody } from './sample';

const CORPUS_SEED = 20251204;
export const IMAGE_BYTES = 200 * 1024;
const OFFICE = 'KPU Kabupaten Blora';

interface CorpusRelease {
  id: string;
  fields: Omit<ReleaseFields, 'number'>;
  /** The photo the body's figure shows, if this release has one. */
  image: string | null;
}

const hasImage = (i: number): boolean => i % 10 === 7;
const releaseRng = (i: number, salt: number) => createRng((CORPUS_SEED ^ Math.imul(i + 1, 0x9e3779b1) ^ salt) >>> 0);

/** The photo of release `i` (only releases that have one). */
function corpusImage(i: number): CorpusImage {
  return jpegOfSize(releaseRng(i, 0x1a2b3c4d), IMAGE_BYTES);
}

function corpusRelease(i: number): CorpusRelease {
  const rng = releaseRng(i, 0);
  const image = hasImage(i) ? corpusImage(i).sha256 : null;
  // Skewed towards short releases, as an office writes them: 200 + 2,800·u¹⁰ words averages 455.
  const words = 200 + Math.round(2800 * rng.next() ** 10);
  const place = rng.pick(PLACES);
  const date = `2025-${String(rng.int(1, 12)).padStart(2, '0')}-${String(rng.int(1, 28)).padStart(2, '0')}`;
  const body = releaseBody(rng, place, date, {
    words,
    table: rng.chance(0.15),
    ...(image ? { figure: image } : {}),
  });
  return {
    id: rng.uuid(),
    image,
    fields: {
      title: `Rapat pleno rekapitulasi ${place} ${i}`,
      slug: `rapat-pleno-rekapitulasi-${place.toLowerCase()}-${i}`,
      dateline: place,
      date,
      category: rng.pick(['berita-terkini', 'pengumuman', 'kegiatan', 'siaran-pers'] as const),
      tags: [rng.pick(TAGS), rng.pick(TAGS)].filter((t, j, all) => all.indexOf(t) === j),
      summary: `KPU Kabupaten Blora menggelar rapat pleno di ${place}.`,
      byline: 'Humas KPU Blora',
      office: OFFICE,
      leadImage: null,
      body,
      contact: { name: 'Humas KPU Blora', role: 'Subbagian Teknis', phone: '0296-531234' },
    },
  };
}

export interface Corpus {
  releases: CorpusRelease[];
  /** Photo bytes by sha256. */
  images: Map<string, Buffer>;
  /** Body JSON plus photos, in bytes: what MB/s figures divide. */
  bytes: number;
  averageBodyBytes: number;
}

/** The first `n` releases of the corpus with their photos, generated once per benchmark process. */
export function buildCorpus(n: number): Corpus {
  const releases: CorpusRelease[] = [];
  const images = new Map<string, Buffer>();
  let bodyBytes = 0;
  let imageBytes = 0;
  for (let i = 0; i < n; i++) {
    const release = corpusRelease(i);
    releases.push(release);
    bodyBytes += Buffer.byteLength(JSON.stringify(release.fields.body));
    if (release.image) {
      const image = corpusImage(i);
      images.set(image.sha256, image.bytes);
      imageBytes += image.bytes.length;
    }
  }
  return { releases, images, bytes: bodyBytes + imageBytes, averageBodyBytes: bodyBytes / n };
}
