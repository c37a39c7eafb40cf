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

/**
 * Errors that mean the request died on its socket before HQ answered: typically a kept-alive
 * connection HQ closed (its idle timeout) while this process was too busy to notice, so the
 * request went out on a dead socket. One immediate resend on a fresh connection is what a
 * browser does, and is safe here: reads are GETs, uploads are idempotent by hash and pushes
 * by seq (HQ answers a resent batch from its stored results).
 */
const DEAD_SOCKET_CODES = new Set(['UND_ERR_SOCKET', 'ECONNRESET', 'EPIPE', 'UND_ERR_CLOSED']);

function diedOnSocket(error: unknown): boolean {
  const cause = error instanceof Error ? error.cause : undefined;
  const code = cause instanceof Error ? (cause as Error & { code?: unknown }).code : undefined;
  return typeof code === 'string' && DEAD_SOCKET_CODES.has(code);
}

const unreachable = (error: unknown): HqError =>
  new HqError(
    'network',
    `Server pusat tidak dapat dihubungi (${error instanceof Error ? error.message : String(error)})`,
  );

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
    const res = await this.send(path, {
      method,
      headers,
      ...(payload !== undefined ? { body: payload } : {}),
      // A single-use enrollment code must never go out twice.
      resend: path !== PATHS.enroll,
    });
    let text: string;
    try {
      text = await res.text();
    } catch (error) {
      throw unreachable(error);
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

  /** fetch with a timeout per attempt, resent once when it died on a dead socket. */
  private async send(
    path: string,
    init: { method?: string; headers?: Record<string, string>; body?: string | Uint8Array; resend?: boolean },
    timeoutMs = this.timeoutMs,
  ): Promise<Response> {
    const { resend = true, ...request } = init;
    for (let attempt = 0; ; attempt += 1) {
      try {
        return await fetch(`${this.baseUrl}${path}`, { ...request, signal: AbortSignal.timeout(timeoutMs) });
      } catch (error) {
        if (!resend || attempt > 0 || !diedOnSocket(error)) throw unreachable(error);
      }
    }
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
    const res = await this.send(attachmentPath(sha256), { method: 'HEAD', headers });
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
    const res = await this.send(attachmentPath(sha256), { headers });
    try {
      if (!res.ok)
        throw new HqError(
          'http',
          `Lampiran ${sha256.slice(0, 12)}… tidak ada di server pusat (HTTP ${res.status})`,
          res.status,
        );
      return Buffer.from(await res.arrayBuffer());
    } catch (error) {
      if (error instanceof HqError) throw error;
      throw unreachable(error);
    }
  }

  async health(): Promise<boolean> {
    try {
      const res = await this.send(PATHS.health, {}, Math.min(this.timeoutMs, 5_000));
      await res.arrayBuffer();
      return res.ok;
    } catch {
      return false;
    }
  }
}
