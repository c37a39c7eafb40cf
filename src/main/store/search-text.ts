/**
 * Highlights come back from FTS5 wrapped in two private-use characters; text that
 * already holds them would confuse the split, so they never enter the index.
 */
export const MARK_OPEN = '\uE000';
export const MARK_CLOSE = '\uE001';

export const indexableText = (text: string): string => text.replace(/[\uE000\uE001]/g, '');
