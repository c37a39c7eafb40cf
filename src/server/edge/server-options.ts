import type { Server } from 'node:http';
import type { EdgeLimits } from './options';

/** Fastify's share of the socket limits (it sets these on the http server it makes). */
export function socketOptions(limits: EdgeLimits) {
  return {
    connectionTimeout: limits.idleTimeoutMs,
    requestTimeout: limits.requestTimeoutMs,
    keepAliveTimeout: limits.keepAliveTimeoutMs,
    maxRequestsPerSocket: limits.maxRequestsPerSocket,
    http: {
      headersTimeout: limits.headersTimeoutMs,
      // Node enforces the two deadlines only when it looks, every this often (30 s by default).
      connectionsCheckingInterval: Math.min(30_000, Math.max(50, Math.floor(limits.headersTimeoutMs / 4))),
    },
  };
}

/** What Fastify has no option for: set on the server before it listens. */
export function limitConnections(server: Server, limits: EdgeLimits): void {
  server.headersTimeout = limits.headersTimeoutMs;
  server.maxConnections = limits.maxConnections;
}
