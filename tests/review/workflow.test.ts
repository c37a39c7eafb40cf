import { describe, expect, it } from 'vitest';
import { createHash } from 'node:crypto';
import type { Role } from '../../src/shared/domain/role';
import { STATUSES, type Status } from '../../src/shared/domain/release';
import { canonicalJson } from '../../src/shared/json/canonical';
import {
  allowedTargets,
  contentHash,
  decideTransition,
  initialWorkflowState,
  isEmbargoed,
  onContentChanged,
  ruleFor,
  sha256Hex,
  type WorkflowState,
} from '../../src/shared/workflow';

const NOW = '2026-11-30T05:00:00.000Z';
const ROLES: Role[] = ['penulis', 'peninjau', 'admin'];
const state = (status: Status, extra: Partial<WorkflowState> = {}): WorkflowState => ({
  ...initialWorkflowState(),
  status,
  ...extra,
});
const req = (to: Status, role: Role, extra: Partial<Parameters<typeof decideTransition>[1]> = {}) => ({
  to,
  actor: { name: 'Sari', role },
  baseHash: 'h1',
  currentHash: 'h1',
  pendingSuggestions: 0,
  now: NOW,
  ...extra,
});

/** The complete expected table: from → to → roles allowed. Everything else must be refused. */
const EXPECTED: Partial<Record<Status, Partial<Record<Status, Role[]>>>> = {
  draf: { diajukan: ['penulis', 'admin'] },
  perlu_revisi: { diajukan: ['penulis', 'admin'] },
  diajukan: { draf: ['penulis', 'admin'], perlu_revisi: ['peninjau', 'admin'], disetujui: ['peninjau', 'admin'] },
  disetujui: { perlu_revisi: ['peninjau', 'admin'], terbit: ['peninjau', 'admin'] },
  terbit: { ditarik: ['peninjau', 'admin'], dikoreksi: ['peninjau', 'admin'] },
  dikoreksi: { ditarik: ['peninjau', 'admin'], dikoreksi: ['peninjau', 'admin'] },
  ditarik: { draf: ['peninjau', 'admin'] },
};

describe('workflow rules', () => {
  it('allows exactly the transitions of the table, for exactly the roles listed (all 7×7×3 cases)', () => {
    let allowed = 0;
    for (const from of STATUSES) {
      for (const to of STATUSES) {
        for (const role of ROLES) {
          const expected = EXPECTED[from]?.[to]?.includes(role) ?? false;
          // approved text so publish is possible
          const d = decideTransition(state(from, { approvedHash: 'h1' }), req(to, role));
          expect(d.ok, `${from} → ${to} as ${role}`).toBe(expected);
          expect(allowedTargets(from, role).includes(to), `allowedTargets ${from} ${role} ${to}`).toBe(expected);
          if (d.ok) {
            allowed++;
            expect(d.next.status).toBe(to);
            expect(d.next.changedBy).toBe('Sari');
            expect(d.next.changedRole).toBe(role);
            expect(d.next.changedAt).toBe(NOW);
          } else if (!ruleFor(from, to) || (from === to && from !== 'dikoreksi')) {
            expect(['not_allowed', 'no_change']).toContain(d.code);
          } else {
            expect(d.code).toBe('forbidden_role');
          }
        }
      }
    }
    expect(allowed).toBe(24);
  });

  it('a penulis can never approve or publish, whatever the state', () => {
    for (const from of STATUSES) {
      for (const to of ['disetujui', 'terbit', 'ditarik', 'dikoreksi'] as Status[]) {
        expect(decideTransition(state(from, { approvedHash: 'h1' }), req(to, 'penulis')).ok).toBe(false);
      }
    }
  });

  it('rejects a transition made from a stale text', () => {
    const d = decideTransition(
      state('diajukan'),
      req('disetujui', 'peninjau', { baseHash: 'old', currentHash: 'new' }),
    );
    expect(d).toMatchObject({ ok: false, code: 'stale' });
  });

  it('names each refusal by reason, with statuses and roles as keys', () => {
    expect(decideTransition(state('draf'), req('terbit', 'peninjau'))).toMatchObject({
      ok: false,
      code: 'not_allowed',
      reason: 'workflow.notAllowed',
      params: { from: 'draf', to: 'terbit' },
      message: 'Tidak dapat mengubah status dari Draf ke Terbit.',
    });
    expect(decideTransition(state('diajukan'), req('disetujui', 'penulis'))).toMatchObject({
      reason: 'workflow.forbiddenRole',
      params: { role: 'penulis', to: 'disetujui' },
    });
  });

  it('pins the approval to the approved text, and publish needs that exact text', () => {
    const approved = decideTransition(
      state('diajukan'),
      req('disetujui', 'peninjau', { baseHash: 'A', currentHash: 'A' }),
    );
    if (!approved.ok) throw new Error(approved.message);
    expect(approved.next.approvedHash).toBe('A');
    const pub = decideTransition(approved.next, req('terbit', 'peninjau', { baseHash: 'A', currentHash: 'A' }));
    expect(pub.ok).toBe(true);
    // someone forged a state where the approval points at other text: publishing is refused
    const forged = decideTransition(
      { ...approved.next, approvedHash: 'B' },
      req('terbit', 'peninjau', { baseHash: 'A', currentHash: 'A' }),
    );
    expect(forged).toMatchObject({ ok: false, code: 'not_approved' });
  });

  it('an edit after approval returns the release to Diajukan with a notice', () => {
    const approved = state('disetujui', { approvedHash: 'A', changedBy: 'Budi', changedRole: 'peninjau' });
    const same = onContentChanged(approved, 'A', NOW);
    expect(same.next).toBe(approved);
    expect(same.notice).toBeNull();
    const edited = onContentChanged(approved, 'B', NOW);
    expect(edited.next.status).toBe('diajukan');
    expect(edited.next.approvedHash).toBeNull();
    expect(edited.notice?.code).toBe('approval_invalidated');
    expect(edited.notice?.message).toMatch(/Diajukan/);
    // drafts and live publications are not pinned
    expect(onContentChanged(state('draf'), 'B', NOW).next.status).toBe('draf');
    expect(onContentChanged(state('terbit', { approvedHash: 'A' }), 'B', NOW).next.status).toBe('terbit');
  });

  it('publishes now or at a chosen time; an edit during the embargo cancels the publication', () => {
    const approved = state('disetujui', { approvedHash: 'A' });
    const now = decideTransition(approved, req('terbit', 'peninjau', { baseHash: 'A', currentHash: 'A' }));
    expect(now.ok && now.next.publishAt).toBeNull();
    const past = decideTransition(
      approved,
      req('terbit', 'peninjau', { baseHash: 'A', currentHash: 'A', at: '2020-01-01T00:00:00Z' }),
    );
    expect(past.ok && past.next.publishAt).toBeNull();
    const later = decideTransition(
      approved,
      req('terbit', 'peninjau', { baseHash: 'A', currentHash: 'A', at: '2026-12-01T08:00:00+07:00' }),
    );
    if (!later.ok) throw new Error(later.message);
    expect(later.next.publishAt).toBe('2026-12-01T01:00:00.000Z');
    expect(isEmbargoed(later.next, NOW)).toBe(true);
    expect(isEmbargoed(later.next, '2026-12-01T01:00:01Z')).toBe(false);
    const edited = onContentChanged(later.next, 'B', NOW);
    expect(edited.next.status).toBe('diajukan');
    expect(edited.next.publishAt).toBeNull();
    expect(edited.notice).not.toBeNull();
    // after the embargo passed, the publication is live and an edit leaves it published
    expect(onContentChanged(later.next, 'B', '2026-12-02T00:00:00Z').next.status).toBe('terbit');
    expect(
      decideTransition(approved, req('terbit', 'peninjau', { baseHash: 'A', currentHash: 'A', at: 'kemarin' })),
    ).toMatchObject({ ok: false, code: 'bad_schedule' });
    expect(
      decideTransition(state('diajukan'), req('disetujui', 'peninjau', { at: '2026-12-01T08:00:00Z' })),
    ).toMatchObject({ ok: false, code: 'bad_schedule' });
  });

  it('refuses to approve or publish while suggested edits are open', () => {
    expect(decideTransition(state('diajukan'), req('disetujui', 'peninjau', { pendingSuggestions: 2 }))).toMatchObject({
      ok: false,
      code: 'pending_suggestions',
    });
    expect(decideTransition(state('diajukan'), req('perlu_revisi', 'peninjau', { pendingSuggestions: 2 })).ok).toBe(
      true,
    );
  });

  it('clears the approval when a release goes back for revision', () => {
    const d = decideTransition(state('disetujui', { approvedHash: 'h1' }), req('perlu_revisi', 'peninjau'));
    expect(d.ok && d.next.approvedHash).toBeNull();
  });
});

describe('content hash', () => {
  const fields = {
    title: 'Judul',
    slug: 'judul',
    dateline: 'Blora',
    date: '2025-12-04',
    category: 'berita-terkini' as const,
    tags: ['pemilu'],
    summary: '',
    byline: 'Sari',
    office: 'KPU Kabupaten Blora',
    leadImage: null,
    body: {
      type: 'doc',
      content: [{ type: 'paragraph', attrs: { id: 'p1' }, content: [{ type: 'text', text: 'Halo' }] }],
    },
  };

  it('matches node:crypto sha256 on assorted inputs, including multi-block and non-ASCII text', () => {
    for (const s of [
      '',
      'abc',
      'a'.repeat(55),
      'a'.repeat(56),
      'a'.repeat(64),
      'Kamis (4/12/2025) — “Pemilu” ✓'.repeat(40),
    ]) {
      expect(sha256Hex(s)).toBe(createHash('sha256').update(s, 'utf8').digest('hex'));
    }
  });

  it('ignores key order and empty attrs/marks/content, but not text, office or slug excluded', () => {
    const h = contentHash(fields);
    const reordered = JSON.parse(canonicalJson(fields)) as typeof fields;
    expect(contentHash(reordered)).toBe(h);
    const withEmpties = {
      ...fields,
      body: {
        type: 'doc',
        content: [
          { type: 'paragraph', marks: [], attrs: { id: 'p1' }, content: [{ text: 'Halo', type: 'text', marks: [] }] },
        ],
      },
    };
    expect(contentHash(withEmpties)).toBe(h);
    expect(contentHash({ ...fields, office: 'Lain', slug: 'lain' })).toBe(h);
    expect(contentHash({ ...fields, title: 'Judul!' })).not.toBe(h);
    expect(
      contentHash({
        ...fields,
        body: {
          type: 'doc',
          content: [{ type: 'paragraph', attrs: { id: 'p1' }, content: [{ type: 'text', text: 'Hal0' }] }],
        },
      }),
    ).not.toBe(h);
  });
});
