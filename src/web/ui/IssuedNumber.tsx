import { Button, Group, Stack, Text } from '@mantine/core';
import { formatDate } from '../app/format.ts';
import { ErrorAlert } from './errors.tsx';

export type Issued = { symbol: string; number: number; issuedOn: string } | null | undefined;

/**
 * A document's number from the office register beside its download (ADR 23): "Số 01-QĐ/ĐUK, ngày
 * 19/08/2019" once issued; before, a line saying the number is blank and, for those who may issue
 * it, the button that takes it (once; the server refuses a second time).
 */
export function IssuedNumber(props: {
  issued: Issued;
  mayIssue: boolean;
  onIssue: () => void;
  pending: boolean;
  error: unknown;
  labels: { issued: (symbol: string, day: string) => string; blank: string; issue: string };
  testId: string;
}) {
  const { issued, labels } = props;
  if (issued === undefined) return null;
  return (
    <Stack gap={4} data-testid={props.testId}>
      {issued ? (
        <Text size="sm" fw={600} data-testid={`${props.testId}-symbol`}>
          {labels.issued(issued.symbol, formatDate(issued.issuedOn))}
        </Text>
      ) : (
        <Group gap="sm">
          <Text size="sm" c="dimmed">
            {labels.blank}
          </Text>
          {props.mayIssue ? (
            <Button size="xs" onClick={props.onIssue} loading={props.pending} data-testid={`${props.testId}-issue`}>
              {labels.issue}
            </Button>
          ) : null}
        </Group>
      )}
      {props.error ? <ErrorAlert error={props.error} /> : null}
    </Stack>
  );
}
