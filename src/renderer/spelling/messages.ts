import { z } from 'zod';

/** What the renderer asks the spellcheck worker. */
export type SpellRequest =
  | { id: number; kind: 'check'; words: string[] }
  | { id: number; kind: 'suggest'; word: string }
  | { id: number; kind: 'add'; words: string[] };

/** What the worker answers: `ready` once the dictionary is loaded, then one reply per request id. */
export const SpellReplySchema = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('ready'), loadMs: z.number() }),
  z.object({ kind: z.literal('failed'), message: z.string() }),
  z.object({ kind: z.literal('checked'), id: z.number(), misspelled: z.array(z.string()) }),
  z.object({ kind: z.literal('suggested'), id: z.number(), suggestions: z.array(z.string()) }),
  z.object({ kind: z.literal('added'), id: z.number() }),
]);
export type SpellReply = z.infer<typeof SpellReplySchema>;
