import type { Migration } from '../../../node/db/migrate';
import { migration001 } from './001_core';
import { migration002 } from './002_append_only';
import { migration003 } from './003_public_site';
import { migration004 } from './004_public_media';
import { migration005 } from './005_wordpress_queue';
import { migration006 } from './006_drop_pub_schema';
import { migration007 } from './007_attachment_access';
import { migration008 } from './008_office_settings';
import { migration009 } from './009_updates_and_device_logs';
import { migration010 } from './010_publication_time_zone';
import { migration011 } from './011_release_numbers';

/**
 * Every schema step of hq.sqlite, the public site's tables included, so the file is complete
 * whether or not the site is mounted. To add one: create `NNN_name.ts` exporting a Migration
 * and add it here.
 */
export const HQ_MIGRATIONS: Migration[] = [
  migration001,
  migration002,
  migration003,
  migration004,
  migration005,
  migration006,
  migration007,
  migration008,
  migration009,
  migration010,
  migration011,
];
