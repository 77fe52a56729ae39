import { Anchor, Group, Paper, Stack, Table, Text } from '@mantine/core';
import type { CSSProperties, ReactNode } from 'react';
import { Link } from 'react-router';
import type { ObservationListItem } from '../../../common/schemas/observations.ts';
import { useIsPhone } from '../../app/responsive.ts';
import { StatusBadge } from './ObservationHeader.tsx';
import './observations.css';

/** One column of an observations table: its header and what each row shows in it. */
export interface ObservationColumn {
  key: string;
  header: string;
  cell: (o: ObservationListItem) => ReactNode;
  style?: CSSProperties;
}

/** How a row reads as a card on a phone: the linked name, a dimmed line of details, then more. */
export interface ObservationCard {
  title: (o: ObservationListItem) => ReactNode;
  details: (o: ObservationListItem) => (string | null | undefined)[];
  extra?: (o: ObservationListItem) => ReactNode;
}

/** A link to the observation page. */
export function ObservationLink({ o, children, strong }: { o: ObservationListItem; children: ReactNode; strong?: boolean }) {
  return (
    <Anchor component={Link} to={`/observations/${o.id}`} fw={strong ? 600 : undefined}>
      {children}
    </Anchor>
  );
}

/**
 * A list of observations: a table with the given columns on a desktop, cards (name and status,
 * details, then `extra`) on a phone. The observations page and the district's list share it.
 */
export function ObservationRows({
  items,
  columns,
  card,
}: {
  items: ObservationListItem[];
  columns: ObservationColumn[];
  card: ObservationCard;
}) {
  const phone = useIsPhone();
  if (phone) {
    return (
      <Stack gap="xs" component="ul" className="obs-plain-list">
        {items.map((o) => (
          <Paper key={o.id} withBorder p="sm" radius="md" component="li">
            <Stack gap={4}>
              <Group justify="space-between" wrap="nowrap" align="flex-start">
                <ObservationLink o={o} strong>
                  {card.title(o)}
                </ObservationLink>
                <StatusBadge o={o} />
              </Group>
              <Text size="sm" c="dimmed">
                {card.details(o).filter(Boolean).join(' · ')}
              </Text>
              {card.extra?.(o)}
            </Stack>
          </Paper>
        ))}
      </Stack>
    );
  }
  return (
    <Table striped highlightOnHover>
      <Table.Thead>
        <Table.Tr>
          {columns.map((c) => (
            <Table.Th key={c.key}>{c.header}</Table.Th>
          ))}
        </Table.Tr>
      </Table.Thead>
      <Table.Tbody>
        {items.map((o) => (
          <Table.Tr key={o.id}>
            {columns.map((c) => (
              <Table.Td key={c.key} style={c.style}>
                {c.cell(o)}
              </Table.Td>
            ))}
          </Table.Tr>
        ))}
      </Table.Tbody>
    </Table>
  );
}
