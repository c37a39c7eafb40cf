import type { Language } from '../../shared/contract';
import { zonedDateTime } from '../../shared/time';
import { displayZone } from '../format/zone';

export const formatBytes = (bytes: number): string =>
  bytes >= 1048576
    ? `${(bytes / 1048576).toFixed(1)} MB`
    : bytes >= 1024
      ? `${Math.round(bytes / 1024)} KB`
      : `${bytes} B`;

/** "03/12/2026 13.10.20 WIT": when a backup was made (to the second: two may share a minute), in the office's zone. */
export const formatWhen = (iso: string, language: Language): string =>
  zonedDateTime(iso, displayZone(), language, true);
