/**
 * A short "Browser on system" label for a session's user agent, so a person recognises their
 * devices; `null` when the agent says nothing recognisable (the raw agent is shown instead).
 * @example deviceLabel('Mozilla/5.0 (Windows NT 10.0; Win64; x64) ... Chrome/131.0 Safari/537.36') // { browser: 'Chrome', system: 'Windows' }
 */
export function deviceLabel(userAgent: string | null): { browser: string | null; system: string | null } | null {
  if (!userAgent) return null;
  const ua = userAgent;
  const browser = /Edg\//.test(ua)
    ? 'Edge'
    : /Firefox\//.test(ua)
      ? 'Firefox'
      : /(Chrome|Chromium|CriOS)\//.test(ua)
        ? 'Chrome'
        : /Safari\//.test(ua) && /Version\//.test(ua)
          ? 'Safari'
          : null;
  const system = /iPhone|iPad|iPod/.test(ua)
    ? 'iOS'
    : /Android/.test(ua)
      ? 'Android'
      : /CrOS/.test(ua)
        ? 'ChromeOS'
        : /Windows/.test(ua)
          ? 'Windows'
          : /Mac OS X|Macintosh/.test(ua)
            ? 'macOS'
            : /Linux/.test(ua)
              ? 'Linux'
              : null;
  return browser || system ? { browser, system } : null;
}
