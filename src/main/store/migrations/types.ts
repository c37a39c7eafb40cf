import type { Db } from '../types';

/**
 * One schema step. `up` runs inside a transaction together with the `user_version` bump,
 * so a step is either fully applied or not at all.
 */
export interface Migration {
  version: number;
  name: string;
  up(db: Db): void;
}
