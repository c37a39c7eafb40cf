import { migration001 } from './001_core';
import { migration002 } from './002_outbox';
import { migration003 } from './003_search';
import { migration004 } from './004_revisions';
import { migration005 } from './005_attachments';
import { migration006 } from './006_search_rank';
import { migration007 } from './007_notice_reasons';
import { migration010 } from './010_sync';
import { migration011 } from './011_sync_extensions';
import { migration012 } from './012_sync_log_reasons';
import { migration020 } from './020_review';
import { migration031 } from './031_office_fields';
import { migration032 } from './032_office_words';
import { migration033 } from './033_search_pending';
import type { Migration } from '../../../node/db/migrate';

/**
 * Every schema step, in any order (the runner sorts by version and allows gaps).
 * Numbering: 001–009 local store, 010–019 sync, 020–029 review, 030+ next feature.
 * To add one: create `NNN_name.ts` exporting a Migration and add it to this list.
 */
export const MIGRATIONS: Migration[] = [
  migration001,
  migration002,
  migration003,
  migration004,
  migration005,
  migration006,
  migration007,
  migration010,
  migration011,
  migration012,
  migration020,
  migration031,
  migration032,
  migration033,
];
