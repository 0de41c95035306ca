import type { FastifyReply, FastifyRequest } from 'fastify';
import { sameSecret } from '../auth/secrets';
import { replyError } from './reply-error';

/** `Authorization: Bearer <admin token>`; answers 401 itself and returns false when it is wrong. */
export const requireAdmin = (adminToken: string, request: FastifyRequest, reply: FastifyReply): boolean => {
  const given = /^Bearer (.+)$/.exec(request.headers.authorization ?? '')?.[1];
  if (given && sameSecret(given, adminToken)) return true;
  void replyError(reply, 'unauthenticated');
  return false;
};
