/** Permission matrix: health checks and the API documentation are public (no district data). */
import { describe, expect, it } from 'vitest';
import { useTestApp } from '../test/harness.ts';

const t = useTestApp();

describe('health and documentation', () => {
  it('answers liveness and readiness with the database kind', async () => {
    expect((await t.app.inject('/healthz')).json()).toEqual({ status: 'ok' });
    const ready = await t.app.inject('/readyz');
    expect(ready.statusCode).toBe(200);
    expect(['pglite', 'postgres']).toContain(ready.json().database);
  });

  it('renders the OpenAPI 3.1 document with every API route', async () => {
    const res = await t.app.inject('/api/docs/json');
    expect(res.statusCode).toBe(200);
    const doc = res.json();
    expect(doc.openapi).toBe('3.1.0');
    for (const route of ['/api/people/', '/api/people/{id}', '/api/org-units/', '/api/imports/', '/api/audit', '/api/auth/sign-in']) {
      expect(Object.keys(doc.paths)).toContain(route);
    }
  });

  it('tags every response with a request id and answers unknown API routes with the error shape', async () => {
    const res = await t.app.inject('/api/nothing-here');
    expect(res.statusCode).toBe(404);
    expect(res.json()).toEqual({ error: { code: 'not_found', message: expect.any(String) } });
    expect(res.headers['x-request-id']).toMatch(/^[\w-]{8,}$/);
  });
});
