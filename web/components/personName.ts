import type { PersonSummary } from '../../common/schemas/people.ts';

/**
 * How a person is called on screen: preferred given name if any, then family name.
 * @example personName({ givenName: 'Josefina', preferredName: 'Josie', familyName: 'Ruiz' }) // 'Josie Ruiz'
 */
export function personName(person: Pick<PersonSummary, 'givenName' | 'familyName' | 'preferredName'>): string {
  return `${person.preferredName || person.givenName} ${person.familyName}`;
}
