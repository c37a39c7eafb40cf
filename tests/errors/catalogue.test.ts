import { describe, expect, it } from 'vitest';
import { ERROR_CODES, WartaError } from '../../src/shared/contract/define';
import { ERROR_MESSAGES, formatReason } from '../../src/shared/errors/format';
import { ERROR_REASONS, STORAGE_ACTIONS } from '../../src/shared/errors/reasons';

const placeholders = (text: string): string[] => [...text.matchAll(/\{\{(\w+)\}\}/g)].map((m) => m[1]!).sort();

describe('error catalogue', () => {
  it('words every reason, code and storage action in Indonesian and English with the same placeholders', () => {
    const { id, en } = ERROR_MESSAGES;
    for (const reason of ERROR_REASONS) {
      expect(id.reasons[reason].trim(), reason).not.toBe('');
      expect(en.reasons[reason].trim(), reason).not.toBe('');
      expect(placeholders(en.reasons[reason]), reason).toEqual(placeholders(id.reasons[reason]));
    }
    for (const code of ERROR_CODES) expect(placeholders(en.codes[code]), code).toEqual(placeholders(id.codes[code]));
    for (const action of STORAGE_ACTIONS) expect([id.actions[action], en.actions[action]].every(Boolean)).toBe(true);
    // The records are typed, but a stray key would be a message nobody can throw.
    expect(Object.keys(id.reasons).sort()).toEqual([...ERROR_REASONS].sort());
    expect(Object.keys(en.reasons).sort()).toEqual([...ERROR_REASONS].sort());
  });

  it('fills params, wording the storage action in the language asked for', () => {
    expect(formatReason('en', 'storage.busy', { action: 'saveRelease' })).toBe(
      'Saving the release failed: the database is in use by another process. Try again.',
    );
    expect(formatReason('id', 'storage.busy', { action: 'saveRelease' })).toBe(
      'Menyimpan rilis gagal: basis data sedang dipakai proses lain. Coba lagi.',
    );
  });

  it('words workflow statuses and roles from their keys in each language', () => {
    const params = { role: 'penulis', to: 'terbit' };
    expect(formatReason('id', 'workflow.forbiddenRole', params)).toBe(
      'Peran penulis tidak boleh mengubah status ke Terbit.',
    );
    expect(formatReason('en', 'workflow.forbiddenRole', params)).toBe(
      'A writer may not change the status to Published.',
    );
    expect(formatReason('en', 'workflow.notAllowed', { from: 'draf', to: 'disetujui' })).toBe(
      'The status cannot change from Draft to Approved.',
    );
    // A number named like a status key is left as it is.
    expect(formatReason('en', 'syncLog.seqAdjusted', { from: 7 })).toBe(
      'The send sequence was matched to the central server (from 7).',
    );
  });

  it("a WartaError's message is the Indonesian wording of its reason", () => {
    const error = new WartaError('not_found', 'release.notFound', { id: 'r1' });
    expect(error.message).toBe('Rilis r1 tidak ditemukan.');
    expect(error.toBody()).toEqual({
      code: 'not_found',
      reason: 'release.notFound',
      params: { id: 'r1' },
      message: 'Rilis r1 tidak ditemukan.',
    });
  });
});
