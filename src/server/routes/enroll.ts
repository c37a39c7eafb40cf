import type { FastifyInstance } from 'fastify';
import { v7 as uuidv7 } from 'uuid';
import { EnrollRequestSchema, PATHS, type EnrollResponse } from '../../shared/sync/protocol';
import type { EdgeGuard } from '../edge/guard';
import { HttpError } from '../http-errors';
import { hashCode, hashToken, newDeviceToken } from '../secrets';
import type { HqStorage } from '../storage/types';
import { parseOr400 } from '../validate';
import { personView } from './views';

/** A code and a device name (each at most 200 characters, escaped JSON included) fit well inside. */
const ENROLL_BODY_LIMIT = 4 * 1024;

/** POST /api/v1/enroll: a one-time code becomes a device and its token (shown once). */
export function registerEnrollRoute(app: FastifyInstance, storage: HqStorage, guard: EdgeGuard): void {
  const options = { bodyLimit: ENROLL_BODY_LIMIT, config: guard.enrollConfig };
  app.post(PATHS.enroll, options, async (request, reply): Promise<EnrollResponse> => {
    const body = parseOr400(EnrollRequestSchema, request.body, 'enrollment request');
    const codeHash = hashCode(body.code);
    const token = newDeviceToken();
    const now = new Date();
    const result = storage.transaction(() => {
      const code = storage.getEnrollmentCode(codeHash);
      if (!code) throw new HttpError('unauthorized', 'unknown enrollment code');
      if (code.usedAt) throw new HttpError('code_used', 'this enrollment code was already used; ask HQ for a new one');
      if (code.expiresAt <= now.getTime())
        throw new HttpError('code_expired', 'this enrollment code has expired; ask HQ for a new one');
      const person = storage.getPerson(code.personId);
      const office = person ? storage.getOffice(person.officeId) : null;
      if (!person || !office) throw new HttpError('internal', 'enrollment code points to a missing person');
      if (!storage.markEnrollmentCodeUsed(codeHash, now.toISOString()))
        throw new HttpError('code_used', 'this enrollment code was already used');
      const deviceId = uuidv7();
      storage.insertDevice({
        id: deviceId,
        personId: person.id,
        name: body.deviceName,
        tokenHash: hashToken(token),
        createdAt: now.toISOString(),
        revokedAt: null,
        lastSeq: 0,
      });
      return { deviceId, person: personView(person, office) };
    });
    request.log.info({ deviceId: result.deviceId, person: result.person.id }, 'device enrolled');
    reply.code(201);
    return { deviceId: result.deviceId, token, person: result.person };
  });
}
