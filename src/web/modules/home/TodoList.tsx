import { Badge, Box, Card, Group, Stack, Text, ThemeIcon, Title } from '@mantine/core';
import {
  IconAward,
  IconBallpen,
  IconCalendarEvent,
  IconChecklist,
  IconFileText,
  IconGavel,
  IconMail,
  IconMusic,
  IconShieldCheck,
  IconTrophy,
} from '@tabler/icons-react';
import { Link } from '@tanstack/react-router';
import { useTranslation } from 'react-i18next';
import { formatDate } from '../../app/format.ts';
import type { Icon } from '../../app/module.ts';
import { CenterLoader } from '../../ui/CenterLoader.tsx';
import { ErrorAlert } from '../../ui/errors.tsx';
import { linkOf, type TodoEntry, useTodo } from './api.ts';

const moduleIcons: Record<string, Icon> = {
  reporting: IconFileText,
  plans: IconChecklist,
  emulation: IconTrophy,
  honours: IconAward,
  tournament: IconShieldCheck,
  festival: IconMusic,
  office: IconMail,
};
const kindIcons: Record<string, Icon> = {
  'ballot.waiting': IconBallpen,
  'session.attend': IconGavel,
  'supervision.visit': IconCalendarEvent,
};

/** How near the deadline is: overdue in red, within three days in orange, later in grey. */
export function DueBadge({ daysLeft, due }: { daysLeft: number | null; due: string | null }) {
  const { t } = useTranslation();
  if (daysLeft === null || due === null) return null;
  const color = daysLeft < 0 ? 'red' : daysLeft <= 3 ? 'orange' : 'gray';
  const label =
    daysLeft < 0
      ? t('home.todo.overdue', { count: -daysLeft })
      : daysLeft === 0
        ? t('home.todo.dueToday')
        : t('home.todo.daysLeft', { count: daysLeft });
  return (
    <Badge color={color} variant={daysLeft < 0 ? 'filled' : 'light'} radius="sm" style={{ textTransform: 'none' }}>
      {label} · {formatDate(due)}
    </Badge>
  );
}

function TodoRow({ item }: { item: TodoEntry }) {
  const { i18n } = useTranslation();
  const en = i18n.language === 'en';
  const Icon = kindIcons[item.kind] ?? moduleIcons[item.module] ?? IconChecklist;
  const { to, search } = linkOf(item.path);
  return (
    <Card
      bg="white"
      padding="sm"
      component={Link}
      to={to as '/'}
      search={search as never}
      data-testid="todo-item"
      data-kind={item.kind}
      data-module={item.module}
      style={{ textDecoration: 'none', color: 'inherit' }}
    >
      <Group wrap="nowrap" align="flex-start" gap="sm">
        <ThemeIcon
          variant="light"
          color={item.daysLeft !== null && item.daysLeft < 0 ? 'red' : 'partyRed'}
          size={36}
          radius="md"
        >
          <Icon size={20} />
        </ThemeIcon>
        <Box style={{ minWidth: 0, flex: 1 }}>
          <Text fw={600} lh={1.35} lineClamp={3}>
            {en ? item.title.en : item.title.vi}
          </Text>
          {item.detail ? (
            <Text size="sm" c="dimmed" lineClamp={2}>
              {en ? item.detail.en : item.detail.vi}
            </Text>
          ) : null}
          {item.unit && item.detail?.vi !== item.unit.name ? (
            <Text size="xs" c="dimmed" lineClamp={1}>
              {item.unit.name}
            </Text>
          ) : null}
          <Box mt={6}>
            <DueBadge daysLeft={item.daysLeft} due={item.due} />
          </Box>
        </Box>
      </Group>
    </Card>
  );
}

/** "Việc cần làm": every module's items for the signed-in person, by deadline; one tap opens the thing. */
export function TodoList() {
  const { t } = useTranslation();
  const todo = useTodo();
  return (
    <Stack gap="sm" data-testid="todo">
      <Title order={2} fz="lg">
        {t('home.todo.title')}
        {todo.data?.items.length ? (
          <Badge ml="xs" color="partyRed" variant="light" radius="sm" data-testid="todo-count">
            {todo.data.items.length}
          </Badge>
        ) : null}
      </Title>
      {todo.isPending ? <CenterLoader /> : null}
      <ErrorAlert error={todo.error} />
      {todo.data && todo.data.items.length === 0 ? (
        <Text c="dimmed" data-testid="todo-empty">
          {t('home.todo.empty')}
        </Text>
      ) : null}
      {todo.data?.items.map((item) => (
        <TodoRow key={`${item.module}|${item.kind}|${item.path}|${item.unit?.id ?? ''}`} item={item} />
      ))}
    </Stack>
  );
}
