import type { ReactNode } from 'react';
import { Card, Text } from '@mantine/core';

/** One figure of an overview: a small upper-case label, the value large, a hint under it. */
export function Fact({
  label,
  value,
  hint,
  testId,
}: {
  label: string;
  value: ReactNode;
  hint?: ReactNode;
  testId?: string;
}) {
  return (
    <Card bg="white" withBorder padding="sm" data-testid={testId}>
      <Text size="xs" c="dimmed" fw={600} tt="uppercase">
        {label}
      </Text>
      <Text fw={700} fz="lg" mt={2}>
        {value}
      </Text>
      {hint ? (
        <Text size="sm" c="dimmed" mt={2} component="div">
          {hint}
        </Text>
      ) : null}
    </Card>
  );
}
