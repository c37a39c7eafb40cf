import { MAX_ATTACHMENT_BYTES } from '../../shared/sync/protocol';

/** A window and how many requests one key may make in it. */
export interface RateWindow {
  max: number;
  windowMs: number;
}

/**
 * What HQ's HTTP edge allows: how long a request may take, how many connections, how many
 * requests, how much attachment storage. Defaults suit workstations on slow provincial links;
 * tests pass short ones.
 */
export interface EdgeLimits {
  /** Whole request, headers and body, from the first byte (a slow body is cut with 408). */
  requestTimeoutMs: number;
  headersTimeoutMs: number;
  /** An idle keep-alive socket is closed after this long. */
  keepAliveTimeoutMs: number;
  /** A socket with no traffic at all is closed after this long. */
  idleTimeoutMs: number;
  maxRequestsPerSocket: number;
  maxConnections: number;
  /** Enrollment attempts per client address. */
  enroll: RateWindow;
  /** Requests with a missing or wrong token per client address; past it even a good token waits. */
  authFailures: RateWindow;
  /** Requests per enrolled device. */
  perDevice: RateWindow;
  /** One attachment's bytes (never above the protocol's cap). */
  attachmentMaxBytes: number;
  /** Distinct attachment bytes one office's devices may store at HQ. */
  officeQuotaBytes: number;
  /** Overload: answer 503 instead of stalling once the event loop lags this long, on average over a few seconds (0 = off). */
  maxEventLoopDelayMs: number;
  /** Overload by memory (0 = off). */
  maxHeapUsedBytes: number;
  maxRssBytes: number;
}

const MINUTE = 60_000;

const DEFAULT_EDGE_LIMITS: EdgeLimits = {
  // 10 MiB at about 1 Mbit/s, with room to spare.
  requestTimeoutMs: 120_000,
  headersTimeoutMs: 15_000,
  keepAliveTimeoutMs: 5_000,
  idleTimeoutMs: 60_000,
  maxRequestsPerSocket: 1_000,
  maxConnections: 1_024,
  enroll: { max: 20, windowMs: MINUTE },
  authFailures: { max: 30, windowMs: 5 * MINUTE },
  // A re-enrolled laptop's first sync moves every photo of its office in a row (a HEAD and a
  // PUT each up, a GET each down): on an office LAN that is well over 20 a second. 100 a
  // second still bounds one device; the pressure guard bounds them all.
  perDevice: { max: 6_000, windowMs: MINUTE },
  attachmentMaxBytes: MAX_ATTACHMENT_BYTES,
  officeQuotaBytes: 2 * 1024 * 1024 * 1024,
  maxEventLoopDelayMs: 1_000,
  maxHeapUsedBytes: 0,
  maxRssBytes: 0,
};

export function edgeLimits(given: Partial<EdgeLimits> = {}): EdgeLimits {
  const limits = { ...DEFAULT_EDGE_LIMITS, ...given };
  // Node checks the headers deadline only while it is below the request's.
  limits.headersTimeoutMs = Math.min(limits.headersTimeoutMs, limits.requestTimeoutMs);
  limits.attachmentMaxBytes = Math.min(limits.attachmentMaxBytes, MAX_ATTACHMENT_BYTES);
  return limits;
}
