import { Box, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { Person } from '../../../common/schemas/people.ts';
import { formatDateTime } from '../../app/format.ts';

const SHOWN = ['givenName', 'middleName', 'familyName', 'preferredName', 'email', 'phone', 'identifier', 'username', 'sourcedId'] as const;

/** The person's details as a definition list; blank values read "None". */
export function PersonDetails({ person }: { person: Person }) {
  const { t } = useTranslation();
  const rows: [string, string][] = [
    ...SHOWN.map((field): [string, string] => [t(`field.${field}`), person[field] ?? '']),
    [t('field.createdAt'), formatDateTime(person.createdAt)],
    [t('field.updatedAt'), formatDateTime(person.updatedAt)],
  ];
  return (
    <Box component="dl" m={0} style={{ display: 'grid', gridTemplateColumns: 'minmax(6rem, 40%) 1fr', gap: '6px 16px' }}>
      {rows.map(([label, value]) => (
        <Box key={label} style={{ display: 'contents' }}>
          <Text component="dt" fw={600}>
            {label}
          </Text>
          <Text component="dd" m={0} style={{ overflowWrap: 'anywhere' }}>
            {value || t('common.none')}
          </Text>
        </Box>
      ))}
    </Box>
  );
}
