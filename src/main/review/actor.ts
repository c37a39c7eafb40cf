import type { Role } from '../../shared/domain/role';
import type { Db } from '../store';

/** Who is acting on this workstation (the enrolled person; a not-enrolled workstation writes). */
export interface Actor {
  name: string;
  role: Role;
}

export interface ReviewContext {
  db: Db;
  actor(): Actor;
}

export const asRole = (r: string | null): Role | null =>
  r === 'penulis' || r === 'peninjau' || r === 'admin' ? r : null;
