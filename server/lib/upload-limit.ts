import type { FastifyReply, FastifyRequest } from 'fastify';
import { AppError } from './errors.ts';

/** 413 `payload_too_large`, naming the limit. */
export const uploadTooLarge = (maxBytes: number) =>
  new AppError('payload_too_large', `Uploads are limited to ${Math.round(maxBytes / (1024 * 1024))} MB`, { maxBytes });

/**
 * Runs `read` (which reads the request body, e.g. its multipart files) while counting the bytes
 * that arrive on the connection; once more than `maxBytes` came (body framing included), reading
 * stops at once and the answer is 413 with `Connection: close`, so the rest of a chunked upload
 * without Content-Length is never read. Every upload route reads its body through this.
 */
export async function readBodyWithin<T>(req: FastifyRequest, reply: FastifyReply, maxBytes: number, read: () => Promise<T>): Promise<T> {
  const raw = req.raw;
  let received = 0;
  let onData: (chunk: Buffer) => void = () => {};
  const exceeded = new Promise<never>((_resolve, reject) => {
    onData = (chunk: Buffer) => {
      received += chunk.length;
      if (received <= maxBytes) return;
      raw.off('data', onData);
      raw.unpipe();
      raw.pause();
      reply.header('connection', 'close');
      reject(uploadTooLarge(maxBytes));
    };
  });
  raw.on('data', onData);
  // Listening for 'data' would start the flow before the body's reader is attached (losing what
  // came first); paused, the reader's pipe resumes it and both see every chunk.
  raw.pause();
  const reading = read();
  reading.catch(() => {}); // once the limit wins, the abandoned reader may still fail
  try {
    return await Promise.race([reading, exceeded]);
  } finally {
    raw.off('data', onData);
  }
}
