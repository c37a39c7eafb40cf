/** PouchDB 9 and express-pouchdb ship no types: the little of them the peer uses, typed here. */
import { createRequire } from 'node:module';

interface PouchAttachment {
  content_type: string;
  data: Buffer;
}

export interface PouchDoc {
  _id: string;
  _attachments?: Record<string, PouchAttachment>;
  [field: string]: unknown;
}

export interface ReplicationResult {
  ok: boolean;
  docs_written: number;
  errors: unknown[];
}

export interface PouchDatabase {
  bulkDocs(docs: PouchDoc[]): Promise<{ ok?: boolean; error?: string }[]>;
  info(): Promise<{ doc_count: number }>;
  replicate: {
    to(target: string, options: { batch_size?: number }): Promise<ReplicationResult>;
    from(source: string, options: { batch_size?: number }): Promise<ReplicationResult>;
  };
  close(): Promise<void>;
}

export interface PouchConstructor {
  new (name: string): PouchDatabase;
  defaults(options: { prefix: string }): PouchConstructor;
}

type ExpressPouchDb = (
  pouch: PouchConstructor,
  options: { mode: string; inMemoryConfig: boolean; logPath: string },
) => { listen(port: number, host: string, ready: () => void): { address(): unknown } };

const require = createRequire(import.meta.url);
export const loadPouchDb = (): PouchConstructor => require('pouchdb') as PouchConstructor;
export const loadExpressPouchDb = (): ExpressPouchDb => require('express-pouchdb') as ExpressPouchDb;
