import type { FastifyError, FastifyReply, FastifyRequest } from 'fastify';
import { hasZodFastifySchemaValidationErrors } from 'fastify-type-provider-zod';
import { AppError } from './errors.ts';

/**
 * Turns every failure into `{ error: { code, message, details } }`: validation errors list each
 * issue; unexpected errors are logged with the request id and answered without internals.
 */
export function errorHandler(err: FastifyError, req: FastifyRequest, reply: FastifyReply) {
  if (err instanceof AppError) {
    const retryAfter = (err.details as { retryAfterSeconds?: unknown } | undefined)?.retryAfterSeconds;
    if (err.code === 'rate_limited' && typeof retryAfter === 'number') reply.header('retry-after', String(retryAfter));
    return reply.status(err.status).send({ error: { code: err.code, message: err.message, details: err.details } });
  }
  if (hasZodFastifySchemaValidationErrors(err)) {
    const details = err.validation.map((v) => ({
      path: v.instancePath.replace(/^\//, '').replaceAll('/', '.'),
      message: v.message ?? 'Invalid value',
    }));
    return reply.status(400).send({ error: { code: 'validation_failed', message: 'The request is not valid', details } });
  }
  if (err.code === 'FST_REQ_FILE_TOO_LARGE' || err.code === 'FST_ERR_CTP_BODY_TOO_LARGE' || err.statusCode === 413) {
    return reply.status(413).send({ error: { code: 'payload_too_large', message: 'The upload is larger than allowed' } });
  }
  if (err.statusCode === 429) {
    return reply.status(429).send({ error: { code: 'rate_limited', message: 'Too many requests; slow down' } });
  }
  if (err.statusCode === 403 || err.statusCode === 404) {
    const code = err.statusCode === 403 ? 'forbidden' : 'not_found';
    return reply.status(err.statusCode).send({ error: { code, message: err.message } });
  }
  if (err.statusCode && err.statusCode >= 400 && err.statusCode < 500) {
    return reply.status(400).send({ error: { code: 'validation_failed', message: err.message } });
  }
  req.log.error({ err }, 'unhandled error');
  return reply.status(500).send({ error: { code: 'internal', message: 'Something went wrong on our side; the error was logged' } });
}
