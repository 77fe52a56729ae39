import { useTranslation } from 'react-i18next';
import type { Person } from '../../../common/schemas/people.ts';
import { formatDateTime } from '../../app/format.ts';
import { DetailList } from '../../components/DetailList.tsx';

const SHOWN = ['givenName', 'middleName', 'familyName', 'preferredName', 'email', 'phone', 'identifier', 'username', 'sourcedId'] as const;

/** The person's details as a definition list; fields left blank (a middle name, a phone) are left out. */
export function PersonDetails({ person }: { person: Person }) {
  const { t } = useTranslation();
  const rows: [string, string][] = [
    ...SHOWN.filter((field) => person[field]?.trim()).map((field): [string, string] => [t(`field.${field}`), person[field]!]),
    [t('field.createdAt'), formatDateTime(person.createdAt)],
    [t('field.updatedAt'), formatDateTime(person.updatedAt)],
  ];
  return <DetailList rows={rows} />;
}
