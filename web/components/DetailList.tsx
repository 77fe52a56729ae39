import { Box, Text } from '@mantine/core';

/**
 * Label/value pairs as a definition list: labels take at most 40% of the width, so long values
 * (e-mail addresses) keep room on a phone.
 */
export function DetailList({ rows }: { rows: [label: string, value: string][] }) {
  return (
    <Box component="dl" m={0} style={{ display: 'grid', gridTemplateColumns: 'minmax(6rem, 40%) 1fr', gap: '6px 16px' }}>
      {rows.map(([label, value]) => (
        <Box key={label} style={{ display: 'contents' }}>
          <Text component="dt" fw={600}>
            {label}
          </Text>
          <Text component="dd" m={0} style={{ overflowWrap: 'anywhere' }}>
            {value}
          </Text>
        </Box>
      ))}
    </Box>
  );
}
