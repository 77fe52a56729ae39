import type { FastifyRequest } from 'fastify';

export type ReaderLocale = 'en' | 'es';
const SUPPORTED: readonly ReaderLocale[] = ['en', 'es'];

/**
 * The language the reader reads this response in: the first supported language of the request's
 * `Accept-Language` by weight (the web app sends the language it shows, which is the person's
 * choice), else the signed-in person's stored choice, else English.
 */
export function readerLocale(req: FastifyRequest): ReaderLocale {
  const header = req.headers['accept-language'];
  if (typeof header === 'string' && header.length > 0 && header.length < 500) {
    const ranked = header
      .split(',')
      .map((part, i) => {
        const [tag = '', ...params] = part.trim().split(';');
        const q = params.map((p) => p.trim()).find((p) => p.startsWith('q='));
        return { tag: tag.trim().toLowerCase(), q: q ? Number(q.slice(2)) : 1, i };
      })
      .filter((x) => x.tag && Number.isFinite(x.q) && x.q > 0)
      .sort((a, b) => b.q - a.q || a.i - b.i);
    for (const { tag } of ranked) {
      const base = tag.split('-')[0] as ReaderLocale;
      if (SUPPORTED.includes(base)) return base;
    }
  }
  const stored = req.sessionUser?.user.locale;
  return stored === 'es' ? 'es' : 'en';
}
