import type { z } from 'zod';
import { WartaError } from '../../shared/contract/define';
import {
  AttachmentPutResponseSchema,
  EnrollResponseSchema,
  ErrorResponseSchema,
  MeResponseSchema,
  OFFICE_WORDS_PATH,
  OfficeWordsResponseSchema,
  type OfficeWordsResponse,
  PATHS,
  PullResponseSchema,
  PushResponseSchema,
  attachmentPath,
  type EnrollResponse,
  type ErrorResponse,
  type MeResponse,
  type PullResponse,
  type PushEntry,
  type PushResponse,
} from '../../shared/sync/protocol';

/**
 * Why a request to HQ failed. `network` and 5xx are worth retrying later; 4xx are answers.
 * Messages are Indonesian because they end up in the sync status and log the writer reads.
 */
export class HqError extends Error {
  constructor(
    readonly kind: 'network' | 'http' | 'protocol',
    message: string,
    readonly status: number = 0,
    readonly body: ErrorResponse | null = null,
  ) {
    super(message);
    this.name = 'HqError';
  }

  get retryable(): boolean {
    return this.kind === 'network' || this.kind === 'protocol' || this.status >= 500 || this.status === 429;
  }

  get code(): string | null {
    return this.body?.code ?? null;
  }
}

export interface HqClientOptions {
  baseUrl: string;
  token?: string | null;
  /** Per request; a stalled link must not hold the sync forever. */
  timeoutMs?: number;
}

/** Accepts http(s) URLs only and normalises away a trailing slash, query and fragment. */
export function normaliseHqUrl(raw: string): string {
  let url: URL;
  try {
    url = new URL(raw.trim());
  } catch {
    throw new WartaError('invalid_input', 'sync.badUrl');
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') throw new WartaError('invalid_input', 'sync.urlNotHttp');
  if (url.username || url.password) throw new WartaError('invalid_input', 'sync.urlHasCredentials');
  const path = url.pathname.replace(/\/+$/, '');
  return `${url.protocol}//${url.host}${path}`;
}

/** A small typed client for the sync protocol. Every answer is validated with the protocol's zod schemas. */
export class HqClient {
  private readonly baseUrl: string;
  private readonly token: string | null;
  private readonly timeoutMs: number;

  constructor(options: HqClientOptions) {
    this.baseUrl = options.baseUrl.replace(/\/+$/, '');
    this.token = options.token ?? null;
    this.timeoutMs = options.timeoutMs ?? 30_000;
  }

  private async request<T extends z.ZodType>(
    method: string,
    path: string,
    schema: T,
    body?: { json?: unknown; text?: string; bytes?: Buffer },
  ): Promise<z.infer<T>> {
    const headers: Record<string, string> = { accept: 'application/json' };
    if (this.token) headers.authorization = `Bearer ${this.token}`;
    let payload: string | Uint8Array | undefined;
    if (body?.json !== undefined) {
      headers['content-type'] = 'application/json';
      payload = JSON.stringify(body.json);
    } else if (body?.text !== undefined) {
      headers['content-type'] = 'application/json';
      payload = body.text;
    } else if (body?.bytes) {
      headers['content-type'] = 'application/octet-stream';
      payload = new Uint8Array(body.bytes.buffer, body.bytes.byteOffset, body.bytes.byteLength);
    }
    let res: Response;
    let text: string;
    try {
      res = await fetch(`${this.baseUrl}${path}`, {
        method,
        headers,
        ...(payload !== undefined ? { body: payload } : {}),
        signal: AbortSignal.timeout(this.timeoutMs),
      });
      text = await res.text();
    } catch (error) {
      const reason = error instanceof Error ? error.message : String(error);
      throw new HqError('network', `Server pusat tidak dapat dihubungi (${reason})`);
    }
    let json: unknown;
    try {
      json = text.length ? JSON.parse(text) : null;
    } catch {
      // A reply cut off mid-body lands here: treat it like a dropped connection.
      throw new HqError('protocol', `Jawaban server pusat tidak utuh (HTTP ${res.status})`, res.status);
    }
    if (!res.ok) {
      const parsed = ErrorResponseSchema.safeParse(json);
      const errBody = parsed.success ? parsed.data : null;
      const message = errBody?.message ?? `HTTP ${res.status}`;
      throw new HqError('http', message, res.status, errBody);
    }
    const parsed = schema.safeParse(json);
    if (!parsed.success)
      throw new HqError('protocol', `Jawaban server pusat tidak sesuai protokol (${path})`, res.status);
    return parsed.data;
  }

  enroll(code: string, deviceName: string): Promise<EnrollResponse> {
    return this.request('POST', PATHS.enroll, EnrollResponseSchema, { json: { code, deviceName } });
  }

  me(): Promise<MeResponse> {
    return this.request('GET', PATHS.me, MeResponseSchema);
  }

  push(deviceId: string, entries: PushEntry[]): Promise<PushResponse> {
    return this.request('POST', PATHS.push, PushResponseSchema, { json: { deviceId, entries } });
  }

  /** The same request as `push`, from entries already serialised (each one JSON text). */
  pushSerialized(deviceId: string, entries: readonly string[]): Promise<PushResponse> {
    const text = `{"deviceId":${JSON.stringify(deviceId)},"entries":[${entries.join(',')}]}`;
    return this.request('POST', PATHS.push, PushResponseSchema, { text });
  }

  addOfficeWords(words: string[]): Promise<OfficeWordsResponse> {
    return this.request('POST', OFFICE_WORDS_PATH, OfficeWordsResponseSchema, { json: { words } });
  }

  pull(cursor: number, limit: number): Promise<PullResponse> {
    return this.request('GET', `${PATHS.pull}?cursor=${cursor}&limit=${limit}`, PullResponseSchema);
  }

  async hasAttachment(sha256: string): Promise<boolean> {
    const headers: Record<string, string> = {};
    if (this.token) headers.authorization = `Bearer ${this.token}`;
    let res: Response;
    try {
      res = await fetch(`${this.baseUrl}${attachmentPath(sha256)}`, {
        method: 'HEAD',
        headers,
        signal: AbortSignal.timeout(this.timeoutMs),
      });
    } catch (error) {
      throw new HqError(
        'network',
        `Server pusat tidak dapat dihubungi (${error instanceof Error ? error.message : String(error)})`,
      );
    }
    if (res.status === 404) return false;
    if (res.ok) return true;
    throw new HqError('http', `HTTP ${res.status}`, res.status);
  }

  putAttachment(sha256: string, bytes: Buffer) {
    return this.request('PUT', attachmentPath(sha256), AttachmentPutResponseSchema, { bytes });
  }

  async getAttachment(sha256: string): Promise<Buffer> {
    const headers: Record<string, string> = {};
    if (this.token) headers.authorization = `Bearer ${this.token}`;
    try {
      const res = await fetch(`${this.baseUrl}${attachmentPath(sha256)}`, {
        headers,
        signal: AbortSignal.timeout(this.timeoutMs),
      });
      if (!res.ok)
        throw new HqError(
          'http',
          `Lampiran ${sha256.slice(0, 12)}… tidak ada di server pusat (HTTP ${res.status})`,
          res.status,
        );
      return Buffer.from(await res.arrayBuffer());
    } catch (error) {
      if (error instanceof HqError) throw error;
      throw new HqError(
        'network',
        `Server pusat tidak dapat dihubungi (${error instanceof Error ? error.message : String(error)})`,
      );
    }
  }

  async health(): Promise<boolean> {
    try {
      const res = await fetch(`${this.baseUrl}${PATHS.health}`, {
        signal: AbortSignal.timeout(Math.min(this.timeoutMs, 5_000)),
      });
      await res.arrayBuffer();
      return res.ok;
    } catch {
      return false;
    }
  }
}
