import { Anchor, Button, Stack, Table, Text, Title } from '@mantine/core';
import { Link } from 'react-router';
import { useTranslation } from 'react-i18next';
import type { RecordRead } from '../../../common/schemas/record-reads.ts';
import { useMyRecordReads } from '../../api/record-reads.ts';
import { formatDateTime } from '../../app/format.ts';
import { useIsPhone } from '../../app/responsive.ts';
import { ErrorAlert } from '../../components/ErrorAlert.tsx';
import { Loading } from '../../components/Loading.tsx';

/** Pages of the app where the person can open what was read (others are named without a link). */
const PATHS: Partial<Record<RecordRead['entityType'], string>> = {
  observation: '/observations',
  coaching_plan: '/coaching/plans',
  coaching_cycle: '/coaching/cycles',
};

function What({ read }: { read: RecordRead }) {
  const { t } = useTranslation();
  const label = t(`recordReads.entity.${read.entityType}`);
  const base = PATHS[read.entityType];
  return base ? (
    <Anchor component={Link} to={`${base}/${read.entityId}`}>
      {label}
    </Anchor>
  ) : (
    <>{label}</>
  );
}

/** "Who viewed my records": reads by others of records about the signed-in person (never the content). */
export function RecordReadsSection() {
  const { t } = useTranslation();
  const isPhone = useIsPhone();
  const reads = useMyRecordReads();
  const items = reads.data?.pages.flatMap((p) => p.items) ?? [];

  return (
    <Stack gap="sm" component="section" aria-labelledby="record-reads-title">
      <Title order={2} size="h3" id="record-reads-title">
        {t('recordReads.title')}
      </Title>
      <Text size="sm">{t('recordReads.intro')}</Text>
      <ErrorAlert error={reads.error} />
      {reads.isPending ? <Loading /> : null}
      {reads.isSuccess && items.length === 0 ? <Text>{t('recordReads.none')}</Text> : null}
      {items.length > 0 && isPhone ? (
        <Stack gap="xs" component="ul" aria-label={t('recordReads.title')} style={{ listStyle: 'none', padding: 0, margin: 0 }}>
          {items.map((read) => (
            <Text component="li" key={read.id}>
              <Text span fw={600}>
                {read.reader.name}
              </Text>{' '}
              · <What read={read} /> · {formatDateTime(read.at)}
            </Text>
          ))}
        </Stack>
      ) : null}
      {items.length > 0 && !isPhone ? (
        <Table verticalSpacing="xs">
          <Table.Caption>{t('recordReads.caption')}</Table.Caption>
          <Table.Thead>
            <Table.Tr>
              <Table.Th scope="col">{t('recordReads.col.when')}</Table.Th>
              <Table.Th scope="col">{t('recordReads.col.who')}</Table.Th>
              <Table.Th scope="col">{t('recordReads.col.what')}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {items.map((read) => (
              <Table.Tr key={read.id}>
                <Table.Td style={{ whiteSpace: 'nowrap' }}>{formatDateTime(read.at)}</Table.Td>
                <Table.Td>{read.reader.name}</Table.Td>
                <Table.Td>
                  <What read={read} />
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      ) : null}
      {reads.hasNextPage ? (
        <Button
          variant="default"
          loading={reads.isFetchingNextPage}
          onClick={() => void reads.fetchNextPage()}
          style={{ alignSelf: 'flex-start' }}
        >
          {t('recordReads.more')}
        </Button>
      ) : null}
    </Stack>
  );
}
