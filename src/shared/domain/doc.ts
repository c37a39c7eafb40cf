import { z } from 'zod';

/** A ProseMirror/TipTap JSON node. The body of a release is stored as this, never as HTML. */
export interface DocNode {
  type: string;
  attrs?: Record<string, unknown>;
  content?: DocNode[];
  marks?: { type: string; attrs?: Record<string, unknown> }[];
  text?: string;
}

const MarkSchema = z.object({
  type: z.string().min(1).max(64),
  attrs: z.record(z.string(), z.unknown()).optional(),
});

export const DocNodeSchema: z.ZodType<DocNode> = z.lazy(() =>
  z.object({
    type: z.string().min(1).max(64),
    attrs: z.record(z.string(), z.unknown()).optional(),
    content: z.array(DocNodeSchema).optional(),
    marks: z.array(MarkSchema).optional(),
    text: z.string().optional(),
  }),
);

/** Root of a release body: `{ type: 'doc', content: [...] }`. */
export const DocSchema = DocNodeSchema.refine((n) => n.type === 'doc', { message: 'body must be a doc node' });

export const emptyDoc = (): DocNode => ({ type: 'doc', content: [{ type: 'paragraph' }] });
