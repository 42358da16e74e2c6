import { Badge, Box, Card, Group, Paper, Progress, ScrollArea, SimpleGrid, Stack, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { statuses, type Plan } from './api.ts';
import { unitNames, useDatesText } from './ActivityCard.tsx';
import { statusColors } from './StatusBadge.tsx';

/**
 * The plan as a task board: one column per status (done on time, done late, in progress within
 * the deadline, overdue), each activity a card with its ref, title, lead units, dates and
 * progress. Columns side by side on a wide screen, one under the other on a phone.
 */
export function TaskBoard({ plan }: { plan: Plan }) {
  const { t } = useTranslation();
  const dates = useDatesText();
  const more = (n: number) => t('plans.activity.more', { count: n });
  const order = ['overdue', 'in_progress', 'done_late', 'done_on_time'] as const;
  return (
    <SimpleGrid cols={{ base: 1, sm: 2, lg: 4 }} spacing="sm" data-testid="task-board">
      {order
        .filter((s) => statuses.includes(s))
        .map((s) => {
          const items = plan.activities.filter((a) => a.status === s);
          return (
            <Paper
              key={s}
              withBorder
              radius="md"
              p="xs"
              bg="gray.0"
              data-testid="board-column"
              data-status={s}
              style={{ minWidth: 0 }}
            >
              <Group justify="space-between" wrap="nowrap" mb="xs" gap={6}>
                <Badge
                  color={statusColors[s]}
                  variant="light"
                  radius="sm"
                  tt="none"
                  title={t(`plans.status.${s}`)}
                  style={{ minWidth: 0 }}
                >
                  {t(`plans.statusShort.${s}`)}
                </Badge>
                <Badge
                  variant="filled"
                  color={statusColors[s]}
                  radius="xl"
                  data-testid="board-count"
                  style={{ flexShrink: 0 }}
                >
                  {items.length}
                </Badge>
              </Group>
              <ScrollArea.Autosize mah={{ base: 'none', lg: '70vh' } as never} type="auto" offsetScrollbars>
                <Stack gap={6}>
                  {items.length === 0 ? (
                    <Text size="sm" c="dimmed" ta="center" py="md">
                      {t('plans.board.empty')}
                    </Text>
                  ) : null}
                  {items.map((a) => (
                    <Card
                      key={a.id}
                      withBorder
                      padding="xs"
                      radius="sm"
                      bg="white"
                      data-testid="board-card"
                      data-ref={a.ref}
                      style={{ borderLeft: `4px solid var(--mantine-color-${statusColors[s]}-6)` }}
                    >
                      <Group gap={6} wrap="nowrap" align="flex-start">
                        <Badge variant="outline" color="gray" size="sm" radius="sm" style={{ flexShrink: 0 }}>
                          {a.ref}
                        </Badge>
                        <Text size="sm" fw={600} lineClamp={3} title={a.title} style={{ minWidth: 0 }}>
                          {a.title}
                        </Text>
                      </Group>
                      {a.leadCount > 0 ? (
                        <Text size="xs" c="dimmed" mt={4} lineClamp={2}>
                          {t('plans.activity.lead')}: {unitNames(a.lead, a.leadCount, more)}
                        </Text>
                      ) : null}
                      <Text size="xs" mt={2}>
                        {dates(a)}
                      </Text>
                      {a.percent !== null ? (
                        <Box mt={4}>
                          <Progress value={a.percent} color={statusColors[s]} size="sm" aria-label={`${a.percent} %`} />
                        </Box>
                      ) : null}
                    </Card>
                  ))}
                </Stack>
              </ScrollArea.Autosize>
            </Paper>
          );
        })}
    </SimpleGrid>
  );
}
