import { z } from 'zod';

/** What a person may do: write, review, or run the office's setup. */
export const ROLES = ['penulis', 'peninjau', 'admin'] as const;
export const RoleSchema = z.enum(ROLES);
export type Role = z.infer<typeof RoleSchema>;
