import type { Category, Status } from './release';

/**
 * The names of categories and statuses — one table per language for the workstation's
 * resources, the public site and feeds, and workflow/audit messages, so a renamed section
 * reads the same everywhere.
 */
export const CATEGORY_LABELS_ID: Record<Category, string> = {
  'berita-terkini': 'Berita Terkini',
  pengumuman: 'Pengumuman',
  kegiatan: 'Kegiatan',
  'siaran-pers': 'Siaran Pers',
  opini: 'Opini',
  artikel: 'Artikel',
};

export const STATUS_LABELS_ID: Record<Status, string> = {
  draf: 'Draf',
  diajukan: 'Diajukan',
  perlu_revisi: 'Perlu revisi',
  disetujui: 'Disetujui',
  terbit: 'Terbit',
  ditarik: 'Ditarik',
  dikoreksi: 'Dikoreksi',
};

export const STATUS_LABELS_EN: Record<Status, string> = {
  draf: 'Draft',
  diajukan: 'Submitted',
  perlu_revisi: 'Changes requested',
  disetujui: 'Approved',
  terbit: 'Published',
  ditarik: 'Withdrawn',
  dikoreksi: 'Corrected',
};
