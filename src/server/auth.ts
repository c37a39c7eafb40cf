import type { FastifyRequest } from 'fastify';
import { HttpError } from './http-errors';
import { hashToken } from './secrets';
import type { DeviceIdentity, HqStorage } from './storage/types';

/** The device behind `Authorization: Bearer <token>`, or a 401. HQ only ever sees token hashes. */
export function authenticate(storage: HqStorage, request: FastifyRequest): DeviceIdentity {
  const header = request.headers.authorization;
  const match = typeof header === 'string' ? /^Bearer\s+(\S+)\s*$/i.exec(header) : null;
  if (!match) throw new HttpError('unauthorized', 'missing bearer token (Authorization: Bearer <device token>)');
  const who = storage.identityByTokenHash(hashToken(match[1]!));
  if (!who) throw new HttpError('unauthorized', 'unknown device token');
  if (who.device.revokedAt) throw new HttpError('unauthorized', `device ${who.device.id} was revoked`);
  return who;
}

/** Who each request is, once the edge guard has checked its token (before its body was read). */
const identities = new WeakMap<FastifyRequest, DeviceIdentity>();

export function rememberDevice(request: FastifyRequest, who: DeviceIdentity): void {
  identities.set(request, who);
}

/** The device the edge guard let in; a route without the guard gets a 401, never a guess. */
export function deviceOf(request: FastifyRequest): DeviceIdentity {
  const who = identities.get(request);
  if (!who) throw new HttpError('unauthorized', 'missing bearer token (Authorization: Bearer <device token>)');
  return who;
}
