/**
 * Folds text for search: lower case, accents removed, spaces collapsed, so "José" matches "jose".
 * @example foldForSearch('  José  NÚÑEZ ') // 'jose nunez'
 */
export function foldForSearch(text: string): string {
  return text
    .normalize('NFD')
    .replace(/\p{Diacritic}/gu, '')
    .toLowerCase()
    .replace(/\s+/g, ' ')
    .trim();
}

/** The text a person is found by: names, e-mail and staff identifier. */
export function personSearchText(p: {
  givenName: string;
  familyName: string;
  middleName?: string | null;
  preferredName?: string | null;
  email?: string | null;
  identifier?: string | null;
}): string {
  return foldForSearch([p.givenName, p.preferredName, p.middleName, p.familyName, p.email, p.identifier].filter(Boolean).join(' '));
}
