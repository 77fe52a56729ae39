import { useMediaQuery } from '@mantine/hooks';

/** True on phone-sized screens (below Mantine's `sm` breakpoint, 48em), where tables become cards. */
export function useIsPhone(): boolean {
  return useMediaQuery('(max-width: 47.99em)', false, { getInitialValueInEffect: false });
}
