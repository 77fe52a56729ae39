import { Box } from '@mantine/core';
import type { ReactNode } from 'react';

/**
 * A wide table that scrolls sideways inside itself on a narrow screen instead of widening the
 * page. Focusable and labelled, so keyboard users can scroll it too (WCAG 2.1.1, 1.4.10).
 */
export function ScrollRegion({ label, maw, children }: { label: string; maw?: number; children: ReactNode }) {
  return (
    <Box role="region" aria-label={label} tabIndex={0} maw={maw} style={{ overflowX: 'auto' }}>
      {children}
    </Box>
  );
}
