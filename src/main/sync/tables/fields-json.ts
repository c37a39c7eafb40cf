import type { WireFields } from '../../../shared/sync/protocol';

const texts = new WeakMap<WireFields, string>();

/**
 * One release's fields as stored JSON. Applying one HQ revision stores the same fields in
 * several tables (the merge base and HQ's history): the text is built once per fields object.
 * Sync never mutates a fields object once it exists (edits make new ones), so the memo holds.
 */
export function fieldsJson(fields: WireFields): string {
  let text = texts.get(fields);
  if (text === undefined) {
    text = JSON.stringify(fields);
    texts.set(fields, text);
  }
  return text;
}
