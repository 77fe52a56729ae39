import { Anchor, Badge, Stack, Table, Text, Title } from '@mantine/core';
import { Link } from 'react-router';
import { useTranslation } from 'react-i18next';
import { useRosterImports, type ImportSummary } from '../../api/roster.ts';
import { formatDateTime } from '../../app/format.ts';
import { ErrorAlert } from '../../components/ErrorAlert.tsx';
import { Loading } from '../../components/Loading.tsx';
import { ScrollRegion } from '../../components/ScrollRegion.tsx';

const STATUS_COLORS: Record<ImportSummary['status'], string> = {
  validated: 'blue',
  running: 'blue',
  applied: 'green',
  failed: 'red',
  discarded: 'gray',
};

/** Earlier uploads, newest first, each linking to its report or result. */
export function PastImports() {
  const { t } = useTranslation();
  const imports = useRosterImports();
  return (
    <Stack gap="sm">
      <Title order={2} size="h3">
        {t('import.pastTitle')}
      </Title>
      {imports.isPending ? <Loading /> : null}
      <ErrorAlert error={imports.error} />
      {imports.data?.items.length === 0 ? <Text>{t('import.pastEmpty')}</Text> : null}
      {imports.data && imports.data.items.length > 0 ? (
        <ScrollRegion label={t('import.pastTitle')}>
          <Table verticalSpacing="xs" miw={560}>
            <Table.Caption>{t('import.pastCaption')}</Table.Caption>
            <Table.Thead>
              <Table.Tr>
                <Table.Th scope="col">{t('import.col.uploaded')}</Table.Th>
                <Table.Th scope="col">{t('import.col.files')}</Table.Th>
                <Table.Th scope="col">{t('common.status')}</Table.Th>
                <Table.Th scope="col">{t('import.col.finished')}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {imports.data.items.map((item) => (
                <Table.Tr key={item.id}>
                  <Table.Td>
                    <Anchor component={Link} to={`/import/${item.id}`}>
                      {formatDateTime(item.createdAt)}
                    </Anchor>
                  </Table.Td>
                  <Table.Td style={{ overflowWrap: 'anywhere' }}>{item.fileNames.join(', ')}</Table.Td>
                  <Table.Td>
                    <Badge variant="light" color={STATUS_COLORS[item.status]}>
                      {t(`import.status.${item.status}`)}
                    </Badge>
                  </Table.Td>
                  <Table.Td>{item.finishedAt ? formatDateTime(item.finishedAt) : t('common.none')}</Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </ScrollRegion>
      ) : null}
    </Stack>
  );
}
