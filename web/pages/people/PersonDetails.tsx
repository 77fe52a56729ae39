import { useTranslation } from 'react-i18next';
import type { Person } from '../../../common/schemas/people.ts';
import { formatDateTime } from '../../app/format.ts';
import { DetailList } from '../../components/DetailList.tsx';

const SHOWN = ['givenName', 'middleName', 'familyName', 'preferredName', 'email', 'phone', 'identifier', 'username', 'sourcedId'] as const;

/** The person's details as a definition list; blank values read "None". */
export function PersonDetails({ person }: { person: Person }) {
  const { t } = useTranslation();
  const rows: [string, string][] = [
    ...SHOWN.map((field): [string, string] => [t(`field.${field}`), person[field] ?? '']),
    [t('field.createdAt'), formatDateTime(person.createdAt)],
    [t('field.updatedAt'), formatDateTime(person.updatedAt)],
  ];
  return <DetailList rows={rows.map(([label, value]): [string, string] => [label, value || t('common.none')])} />;
}
