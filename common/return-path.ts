/**
 * Where to go after signing in: a page of this app, asked for in a `next` parameter. Anything that
 * leaves the app (`//host`, `/\host`, a scheme, control characters a browser strips to make `//`)
 * and the sign-in pages themselves (going back to `/login` after signing in is a "Page not found",
 * going back to `/sign-in` a loop) lead home instead.
 * @example safeNext('/people?q=ana') // '/people?q=ana'
 * @example safeNext('/login') // '/'
 * @example safeNext('//evil.example') // '/'
 */
export function safeNext(next: string | null | undefined): string {
  if (!next || !next.startsWith('/') || next.includes('\\') || [...next].some((c) => c.charCodeAt(0) < 0x20 || c.charCodeAt(0) === 0x7f))
    return '/';
  const base = 'http://trellis.invalid';
  let url: URL;
  try {
    url = new URL(next, base);
  } catch {
    return '/';
  }
  if (url.origin !== base || SIGN_IN_PATHS.has(url.pathname.replace(/\/+$/, '') || '/')) return '/';
  return `${url.pathname}${url.search}${url.hash}`;
}

/** Pages of signing in and out: never a place to return to after signing in. */
const SIGN_IN_PATHS = new Set(['/login', '/logout', '/sign-in', '/sign-in/refused', '/sign-out', '/forgot-password', '/reset-password']);
