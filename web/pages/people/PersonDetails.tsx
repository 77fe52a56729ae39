import { useTranslation } from 'react-i18next';
import type { Person } from '../../../common/schemas/people.ts';
import { formatDateTime } from '../../app/format.ts';
import { DetailList } from '../../components/DetailList.tsx';

const SHOWN = ['givenName', 'middleName', 'familyName', 'preferredName', 'email', 'phone', 'identifier', 'username', 'sourcedId'] as const;

/** The person's details as a definition list (grades taught from the roster, in the reader's words); fields left blank are left out. */
export function PersonDetails({ person }: { person: Person }) {
  const { t, i18n } = useTranslation();
  const grades = new Intl.ListFormat(i18n.language, { style: 'narrow', type: 'unit' }).format(
    person.grades.map((g) => t(`teams:grade.${g}`, { defaultValue: g })),
  );
  const rows: [string, string][] = [
    ...SHOWN.filter((field) => person[field]?.trim()).map((field): [string, string] => [t(`field.${field}`), person[field]!]),
    ...(person.grades.length > 0 ? [[t('field.grades'), grades] as [string, string]] : []),
    [t('field.createdAt'), formatDateTime(person.createdAt)],
    [t('field.updatedAt'), formatDateTime(person.updatedAt)],
  ];
  return <DetailList rows={rows} />;
}
