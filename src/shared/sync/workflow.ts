/**
 * Workflow transitions and who may make them. HQ enforces these authoritatively on every
 * `workflow.transition` entry; the workstation uses the same table to show only allowed buttons.
 *
 * Draf → Diajukan → (Perlu revisi → Diajukan)* → Disetujui → Terbit → Dikoreksi / Ditarik.
 */
import type { Status } from '../domain/release';
import type { Role } from './protocol';

export interface TransitionRule {
  from: Status;
  to: Status;
  /** Roles allowed besides admin (admin may make every transition in this table). */
  roles: readonly Role[];
}

export const TRANSITIONS: readonly TransitionRule[] = [
  { from: 'draf', to: 'diajukan', roles: ['penulis'] },
  { from: 'perlu_revisi', to: 'diajukan', roles: ['penulis'] },
  { from: 'diajukan', to: 'draf', roles: ['penulis'] },
  { from: 'diajukan', to: 'perlu_revisi', roles: ['peninjau'] },
  { from: 'diajukan', to: 'disetujui', roles: ['peninjau'] },
  { from: 'disetujui', to: 'perlu_revisi', roles: ['peninjau'] },
  { from: 'disetujui', to: 'terbit', roles: ['peninjau'] },
  { from: 'terbit', to: 'dikoreksi', roles: ['peninjau'] },
  { from: 'terbit', to: 'ditarik', roles: ['peninjau'] },
  { from: 'dikoreksi', to: 'dikoreksi', roles: ['peninjau'] },
  { from: 'dikoreksi', to: 'ditarik', roles: ['peninjau'] },
];

export function canTransition(role: Role, from: Status, to: Status): boolean {
  const rule = TRANSITIONS.find((r) => r.from === from && r.to === to);
  return !!rule && (role === 'admin' || rule.roles.includes(role));
}

/** Which states an edit of the fields sends a release back to (an approval is pinned to its revision). */
export function statusAfterEdit(current: Status): Status {
  return current === 'disetujui' ? 'diajukan' : current;
}
