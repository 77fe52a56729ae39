import { Table } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { ImportReport } from '../../../common/schemas/roster.ts';
import { formatNumber } from '../../app/format.ts';
import { ScrollRegion } from '../../components/ScrollRegion.tsx';

const KINDS = ['orgs', 'people', 'roles', 'placements'] as const;
const COLUMNS = ['create', 'update', 'deactivate', 'unchanged', 'error'] as const;

/** What the import would do (or did): creates, updates, deactivations per orgs, people, roles and career steps. */
export function CountsTable({ counts, caption }: { counts: ImportReport['counts']; caption: string }) {
  const { t } = useTranslation();
  return (
    <ScrollRegion label={caption} maw={720}>
      <Table withTableBorder withColumnBorders miw={520}>
        <Table.Caption>{caption}</Table.Caption>
        <Table.Thead>
          <Table.Tr>
            <Table.Th scope="col">{t('import.counts.kind')}</Table.Th>
            {COLUMNS.map((column) => (
              <Table.Th scope="col" key={column} ta="right">
                {t(`import.counts.${column}`)}
              </Table.Th>
            ))}
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {KINDS.filter((kind) => counts[kind]).map((kind) => (
            <Table.Tr key={kind}>
              <Table.Th scope="row">{t(`import.counts.${kind}`)}</Table.Th>
              {COLUMNS.map((column) => (
                <Table.Td key={column} ta="right" fw={column === 'error' && counts[kind]![column] > 0 ? 700 : undefined}>
                  {formatNumber(counts[kind]![column])}
                </Table.Td>
              ))}
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </ScrollRegion>
  );
}
