import { describe, expect, it } from 'vitest';
import { publicBaseUrl, publicUrlWarning } from '../../lib/public-url.ts';
import { loadEnv } from '../../env.ts';
import { classifySendError, withoutSecrets } from './errors.ts';
import { deliveryFor, describeSmtp, mailStartupNotice, senderAddress } from './transport.ts';

const SMTP_URL = 'smtp://relay%40district.org:s3cr%C3%A9t%2Fpass@mail.district.org:587';

describe('links come from configuration', () => {
  it('PUBLIC_URL wins; unset, the listening address (all interfaces read as localhost)', () => {
    expect(publicBaseUrl({ PUBLIC_URL: 'https://trellis.district.org/', HOST: '0.0.0.0', PORT: 80 })).toBe('https://trellis.district.org');
    expect(publicBaseUrl({ HOST: '0.0.0.0', PORT: 3000 })).toBe('http://localhost:3000');
    expect(publicBaseUrl({ HOST: '10.0.0.5', PORT: 8080 })).toBe('http://10.0.0.5:8080');
    expect(publicBaseUrl({ HOST: '::1', PORT: 3000 })).toBe('http://[::1]:3000');
  });

  it('warns at start outside development when PUBLIC_URL is unset', () => {
    expect(publicUrlWarning({ NODE_ENV: 'production', HOST: '127.0.0.1', PORT: 3000 })).toMatch(
      /PUBLIC_URL is not set.*http:\/\/127\.0\.0\.1:3000/,
    );
    expect(publicUrlWarning({ NODE_ENV: 'development', HOST: '127.0.0.1', PORT: 3000 })).toBeNull();
    expect(publicUrlWarning({ NODE_ENV: 'production', PUBLIC_URL: 'https://t.example', HOST: '127.0.0.1', PORT: 3000 })).toBeNull();
  });

  it('refuses a PUBLIC_URL or SMTP_URL that is not one', () => {
    expect(() => loadEnv({ PUBLIC_URL: 'trellis.district.org' })).toThrow(/PUBLIC_URL/);
    expect(() => loadEnv({ SMTP_URL: 'mail.district.org:587' })).toThrow(/SMTP_URL/);
    expect(() => loadEnv({ SMTP_URL })).not.toThrow();
  });
});

describe('e-mail configuration', () => {
  const env = loadEnv({ NODE_ENV: 'production', SMTP_URL, PUBLIC_URL: 'https://trellis.district.org' });

  it('the startup line names the server, never its user or password', () => {
    const notice = mailStartupNotice(env);
    expect(notice).toEqual({
      level: 'info',
      message: 'E-mail: sent through smtp://mail.district.org:587 as Trellis <no-reply@trellis.district.org>',
    });
    expect(describeSmtp(SMTP_URL)).toBe('smtp://mail.district.org:587');
  });

  it('without SMTP: printed in development, a startup warning otherwise', () => {
    expect(deliveryFor({ NODE_ENV: 'development' })).toBe('console');
    expect(deliveryFor({ NODE_ENV: 'production' })).toBe('none');
    expect(mailStartupNotice(loadEnv({ NODE_ENV: 'production' }))).toMatchObject({
      level: 'warn',
      message: expect.stringContaining('no SMTP server configured'),
    });
    expect(senderAddress(loadEnv({ SMTP_FROM: 'HR <hr@district.org>' }))).toBe('HR <hr@district.org>');
  });

  it('errors shown to admins lose the credentials, raw or decoded', () => {
    const text = 'AUTH failed for relay@district.org with s3crét/pass (relay%40district.org:s3cr%C3%A9t%2Fpass)';
    expect(withoutSecrets(text, env)).toBe('AUTH failed for *** with *** (***:***)');
  });

  it('4xx, connection errors and bad credentials are retried; a 5xx refusal is not', () => {
    expect(classifySendError({ message: 'Mailbox busy', code: 'EENVELOPE', responseCode: 451, permanent: false }, env).transient).toBe(
      true,
    );
    expect(classifySendError({ message: 'connect ECONNREFUSED 10.0.0.1:587', code: 'ESOCKET' }, env).transient).toBe(true);
    expect(
      classifySendError({ message: 'Invalid login: 535 Authentication failed', code: 'EAUTH', responseCode: 535, permanent: true }, env)
        .transient,
    ).toBe(true);
    const refused = classifySendError(
      { message: "Can't send mail - all recipients were rejected", response: '550 5.1.1 No such user', code: 'EENVELOPE', permanent: true },
      env,
    );
    expect(refused).toEqual({ transient: false, message: "Can't send mail - all recipients were rejected: 550 5.1.1 No such user" });
  });
});
