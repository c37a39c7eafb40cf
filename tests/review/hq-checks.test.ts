import { describe, expect, it } from 'vitest';
import { reviewTransitionBlocker } from '../../src/server/review/checks';
import type { WireFields } from '../../src/shared/sync/protocol';

const fields = (marks: { type: string; attrs?: Record<string, unknown> }[] = []): WireFields => ({
  title: 'x',
  slug: 'x',
  dateline: 'Blora',
  date: '2026-11-30',
  category: 'berita-terkini',
  tags: [],
  summary: '',
  byline: '',
  office: 'KPU Kabupaten Blora',
  leadImage: null,
  body: {
    type: 'doc',
    content: [
      {
        type: 'paragraph',
        attrs: { id: 'p' },
        content: [
          { type: 'text', text: 'Teks ' },
          { type: 'text', text: 'usulan', ...(marks.length ? { marks } : {}) },
        ],
      },
    ],
  },
  number: '',
  contact: { name: '', role: '', phone: '' },
});

describe('HQ review check', () => {
  it('refuses approving or publishing a text with open suggestions, and nothing else', () => {
    const open = fields([{ type: 'suggestionInsert', attrs: { id: 's', author: 'Budi', at: '2026-11-30T05:00:00Z' } }]);
    for (const to of ['disetujui', 'terbit', 'dikoreksi'] as const)
      expect(reviewTransitionBlocker(open, to)).toMatch(/suggested edit/);
    for (const to of ['diajukan', 'perlu_revisi', 'draf', 'ditarik'] as const)
      expect(reviewTransitionBlocker(open, to)).toBeNull();
    expect(reviewTransitionBlocker(fields(), 'disetujui')).toBeNull();
    expect(reviewTransitionBlocker(fields([{ type: 'bold' }]), 'terbit')).toBeNull();
    expect(reviewTransitionBlocker(null, 'terbit')).toBeNull();
  });
});
