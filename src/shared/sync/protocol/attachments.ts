import { z } from 'zod';
import { isSha256, Sha256Schema } from '../../domain/digest';
import { PATHS } from './limits';
import type { WireFields } from './wire-fields';

export const attachmentPath = (sha256: string): string => `${PATHS.attachments}/${sha256}`;

/** PUT /api/v1/attachments/<sha256> answer (201 created, 200 already there). */
export const AttachmentPutResponseSchema = z.object({
  sha256: Sha256Schema,
  size: z.number().int().nonnegative(),
  created: z.boolean(),
});
export type AttachmentPutResponse = z.infer<typeof AttachmentPutResponseSchema>;

/** Every attachment a snapshot references (lead image and figure nodes), valid or not. */
function attachmentRefs(fields: WireFields): string[] {
  const found = new Set<string>();
  if (fields.leadImage) found.add(fields.leadImage.attachment);
  const walk = (node: { attrs?: Record<string, unknown>; content?: unknown[]; type: string }): void => {
    if (node.type === 'figure' && node.attrs?.attachment != null) found.add(String(node.attrs.attachment));
    for (const child of node.content ?? []) walk(child as typeof node);
  };
  walk(fields.body);
  return [...found];
}

/** Every attachment sha256 a snapshot references (lead image and figure nodes). */
export function referencedAttachments(fields: WireFields): string[] {
  return attachmentRefs(fields).filter(isSha256);
}

/**
 * References that are not sha256 digests (a pasted `<figure data-attachment="../x">`, a forged
 * payload): such a snapshot is refused as invalid content, never looked up as a path.
 */
export function invalidAttachmentRefs(fields: WireFields): string[] {
  return attachmentRefs(fields).filter((ref) => !isSha256(ref));
}
