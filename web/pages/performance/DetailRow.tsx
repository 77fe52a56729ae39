import { Text } from '@mantine/core';

/** "Label: value" on one line; nothing when the value is empty. */
export function DetailRow({ label, value }: { label: string; value: string }) {
  if (!value) return null;
  return (
    <Text size="sm">
      <Text span fw={600}>
        {label}:
      </Text>{' '}
      {value}
    </Text>
  );
}
