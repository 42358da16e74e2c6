import { ActionIcon, Badge, Box, Button, Card, Group, Stack, Text, Title, UnstyledButton } from '@mantine/core';
import { useMediaQuery } from '@mantine/hooks';
import { IconChartBar, IconChevronLeft, IconChevronRight } from '@tabler/icons-react';
import { Link, Navigate, useNavigate, useParams, useSearch } from '@tanstack/react-router';
import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { formatDate } from '../../app/format.ts';
import { CenterLoader } from '../../ui/CenterLoader.tsx';
import { ErrorAlert } from '../../ui/errors.tsx';
import { PageHeader } from '../../ui/PageHeader.tsx';
import { useCalendar, useTimeline, type CalendarDay, type Timeline } from './api.ts';
import { dayNumber, isoOfDay, weekdayIndex } from './GanttChart.tsx';
import { StatusBadge, statusColors } from './StatusBadge.tsx';
import { ActivityDrawer, PlanLink } from './TimelinePage.tsx';

const weekdays = ['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun'] as const;
const monthKeys = ['jan', 'feb', 'mar', 'apr', 'may', 'jun', 'jul', 'aug', 'sep', 'oct', 'nov', 'dec'] as const;
const SHOWN_PER_DAY = 3;
const MILESTONE_COLOR = 'var(--mantine-color-violet-7)';

function addMonths(month: string, n: number): string {
  const [y, m] = month.split('-').map(Number);
  const d = new Date(Date.UTC(y, m - 1 + n, 1));
  return `${d.getUTCFullYear()}-${String(d.getUTCMonth() + 1).padStart(2, '0')}`;
}

/** The plan's first deadline (activities and milestones), or the start of its period. */
function firstDeadline(data: Timeline): string | null {
  const dues = [...data.activities.map((a) => a.due), ...data.milestones.map((m) => m.due)]
    .filter((d): d is string => Boolean(d))
    .sort();
  return dues[0] ?? data.plan.periodStart ?? null;
}

/** Today's month while the plan runs; otherwise the month of its first deadline. */
function openingMonth(data: Timeline): string {
  const dues = [...data.activities.map((a) => a.due), ...data.milestones.map((m) => m.due)]
    .filter((d): d is string => Boolean(d))
    .sort();
  const start = data.plan.periodStart ?? dues[0];
  const end = data.plan.periodDue ?? dues[dues.length - 1];
  const running = start && end && data.today >= start && data.today <= end;
  return (running ? data.today : (firstDeadline(data) ?? data.today)).slice(0, 7);
}

function Dot({ color }: { color: string }) {
  return (
    <Box
      component="span"
      style={{ display: 'inline-block', flex: '0 0 8px', width: 8, height: 8, borderRadius: '50%', background: color }}
    />
  );
}

function Diamond({ tentative }: { tentative: boolean }) {
  return (
    <Box
      component="span"
      style={{
        display: 'inline-block',
        flex: '0 0 8px',
        width: 8,
        height: 8,
        margin: '0 1px',
        transform: 'rotate(45deg)',
        background: tentative ? 'transparent' : MILESTONE_COLOR,
        border: `1.5px ${tentative ? 'dashed' : 'solid'} ${MILESTONE_COLOR}`,
      }}
    />
  );
}

/** A day's deadlines, one line each: milestones first, then activities by ref. */
function DeadlineLines({
  day,
  limit,
  full,
  onOpen,
  onMore,
}: {
  day: CalendarDay;
  limit?: number;
  full?: boolean;
  onOpen: (id: string) => void;
  onMore?: () => void;
}) {
  const { t } = useTranslation();
  const lines = [
    ...day.milestones.map((m) => (
      <Group
        key={m.id}
        gap={6}
        wrap="nowrap"
        align={full ? 'flex-start' : 'center'}
        data-testid="calendar-milestone"
        title={m.title}
      >
        <Box pt={full ? 6 : 0} style={{ display: 'flex' }}>
          <Diamond tentative={m.tentative} />
        </Box>
        <Text
          size={full ? 'sm' : 'xs'}
          c="violet.8"
          fw={600}
          truncate={full ? undefined : 'end'}
          lineClamp={full ? 3 : undefined}
          style={{ minWidth: 0 }}
        >
          {full ? `${t('plans.calendar.milestone')}: ` : ''}
          {m.title}
          {m.tentative ? ` (${t('plans.activity.tentative')})` : ''}
        </Text>
      </Group>
    )),
    ...day.activities.map((a) => (
      <UnstyledButton
        key={a.id}
        onClick={(e) => {
          e.stopPropagation();
          onOpen(a.id);
        }}
        title={`${a.ref}. ${a.title} — ${t(`plans.status.${a.status}`)}`}
        data-testid="calendar-activity"
        data-ref={a.ref}
        data-status={a.status}
        style={{ minWidth: 0, display: 'block', width: '100%' }}
      >
        {full ? (
          <Stack gap={2}>
            <Group gap={6} wrap="nowrap">
              <Text size="sm" fw={700}>
                {a.ref}
              </Text>
              <StatusBadge status={a.status} size="sm" />
            </Group>
            <Text size="sm" lineClamp={3}>
              {a.title}
            </Text>
          </Stack>
        ) : (
          <Group gap={6} wrap="nowrap">
            <Dot color={`var(--mantine-color-${statusColors[a.status]}-6)`} />
            <Text size="xs" truncate="end" style={{ minWidth: 0 }}>
              <Text span size="xs" fw={700}>
                {a.ref}
              </Text>{' '}
              {a.title}
            </Text>
          </Group>
        )}
      </UnstyledButton>
    )),
  ];
  const shown = limit === undefined ? lines : lines.slice(0, limit);
  return (
    <Stack gap={full ? 'sm' : 2}>
      {shown}
      {lines.length > shown.length ? (
        <UnstyledButton onClick={onMore} data-testid="calendar-more" style={{ alignSelf: 'flex-start' }}>
          <Text size="xs" c="partyRed.8" fw={600}>
            {t('plans.calendar.more', { count: lines.length - shown.length })}
          </Text>
        </UnstyledButton>
      ) : null}
    </Stack>
  );
}

function MonthGrid({
  month,
  days,
  today,
  selected,
  onSelect,
  onOpen,
}: {
  month: string;
  days: Map<string, CalendarDay>;
  today: string;
  selected: string | null;
  onSelect: (date: string) => void;
  onOpen: (id: string) => void;
}) {
  const { t } = useTranslation();
  const first = dayNumber(`${month}-01`);
  const last = dayNumber(`${addMonths(month, 1)}-01`) - 1;
  const gridStart = first - weekdayIndex(first);
  const weeks = Math.ceil((last - gridStart + 1) / 7);
  const cells = Array.from({ length: weeks * 7 }, (_, i) => gridStart + i);
  return (
    <Box
      style={{
        display: 'grid',
        gridTemplateColumns: 'repeat(7, minmax(0, 1fr))',
        borderTop: '1px solid var(--mantine-color-gray-3)',
        borderLeft: '1px solid var(--mantine-color-gray-3)',
      }}
    >
      {weekdays.map((w, i) => (
        <Text
          key={w}
          size="xs"
          fw={700}
          ta="center"
          py={6}
          c={i >= 5 ? 'partyRed.8' : 'dimmed'}
          style={{
            borderRight: '1px solid var(--mantine-color-gray-3)',
            borderBottom: '1px solid var(--mantine-color-gray-3)',
            background: 'var(--mantine-color-gray-0)',
          }}
        >
          {t(`plans.calendar.weekday.${w}`)}
        </Text>
      ))}
      {cells.map((d) => {
        const iso = isoOfDay(d);
        const inMonth = d >= first && d <= last;
        const day = inMonth ? days.get(iso) : undefined;
        const isToday = iso === today;
        const border = {
          borderRight: '1px solid var(--mantine-color-gray-3)',
          borderBottom: '1px solid var(--mantine-color-gray-3)',
        };
        if (!inMonth)
          return <Box key={d} style={{ ...border, background: 'var(--mantine-color-gray-0)', minHeight: 112 }} />;
        return (
          <Box
            key={d}
            data-testid="calendar-day"
            data-date={iso}
            data-today={isToday ? 'true' : undefined}
            onClick={day ? () => onSelect(iso) : undefined}
            style={{
              ...border,
              minHeight: 112,
              minWidth: 0,
              padding: 6,
              cursor: day ? 'pointer' : undefined,
              background: isToday
                ? 'var(--mantine-color-yellow-0)'
                : selected === iso
                  ? 'var(--mantine-color-gray-0)'
                  : 'var(--mantine-color-white)',
              boxShadow: isToday
                ? 'inset 0 0 0 2px var(--mantine-color-yellow-6)'
                : selected === iso
                  ? 'inset 0 0 0 2px var(--mantine-color-gray-5)'
                  : undefined,
            }}
          >
            <Group justify="space-between" gap={4} mb={4} wrap="nowrap">
              <Text size="sm" fw={isToday || day ? 700 : 400} c={weekdayIndex(d) >= 5 ? 'partyRed.8' : undefined}>
                {Number(iso.slice(8))}
              </Text>
              {isToday ? (
                <Badge size="xs" color="yellow" variant="filled" tt="none" c="dark">
                  {t('plans.calendar.today')}
                </Badge>
              ) : null}
            </Group>
            {day ? (
              <DeadlineLines day={day} limit={SHOWN_PER_DAY} onOpen={onOpen} onMore={() => onSelect(iso)} />
            ) : null}
          </Box>
        );
      })}
    </Box>
  );
}

/** On a phone: the days of the month that have deadlines, in order, each with its deadlines in full. */
function Agenda({
  days,
  today,
  month,
  onOpen,
}: {
  days: CalendarDay[];
  today: string;
  month: string;
  onOpen: (id: string) => void;
}) {
  const { t } = useTranslation();
  const list =
    today.startsWith(month) && !days.some((d) => d.date === today)
      ? [...days, { date: today, activities: [], milestones: [] }].sort((a, b) => a.date.localeCompare(b.date))
      : days;
  if (list.length === 0) {
    return (
      <Text size="sm" c="dimmed" py="md">
        {t('plans.calendar.empty')}
      </Text>
    );
  }
  return (
    <Stack gap="sm">
      {list.map((d) => {
        const isToday = d.date === today;
        const wd = weekdays[weekdayIndex(dayNumber(d.date))];
        return (
          <Card
            key={d.date}
            padding="sm"
            bg={isToday ? 'yellow.0' : 'white'}
            style={isToday ? { borderColor: 'var(--mantine-color-yellow-6)' } : undefined}
            data-testid="calendar-day"
            data-date={d.date}
            data-today={isToday ? 'true' : undefined}
          >
            <Group gap="xs" mb="xs" wrap="nowrap">
              <Text fw={700} size="sm">
                {t(`plans.calendar.weekdayLong.${wd}`)}, {formatDate(d.date)}
              </Text>
              {isToday ? (
                <Badge size="sm" color="yellow" variant="filled" tt="none" c="dark">
                  {t('plans.calendar.today')}
                </Badge>
              ) : null}
            </Group>
            {d.activities.length || d.milestones.length ? (
              <DeadlineLines day={d} full onOpen={onOpen} />
            ) : (
              <Text size="sm" c="dimmed">
                {t('plans.calendar.noneToday')}
              </Text>
            )}
          </Card>
        );
      })}
    </Stack>
  );
}

/** The plan's deadlines by month: a month grid on a wide screen, an agenda on a phone. */
export function CalendarPage() {
  const { t } = useTranslation();
  const { planId } = useParams({ from: '/signed-in/plans/$planId/calendar' });
  const search = useSearch({ from: '/signed-in/plans/$planId/calendar' });
  const navigate = useNavigate({ from: '/plans/$planId/calendar' });
  const phone = useMediaQuery('(max-width: 36em)');
  const timeline = useTimeline(planId);
  const month = search.month;
  const calendar = useCalendar(planId, month);
  const [selected, setSelected] = useState<string | null>(null);
  const [open, setOpen] = useState<string | null>(null);
  const selectedRef = useRef<HTMLDivElement>(null);
  useEffect(() => {
    if (selected) selectedRef.current?.scrollIntoView({ behavior: 'smooth', block: 'nearest' });
  }, [selected]);

  if (timeline.isPending) return <CenterLoader />;
  if (timeline.error) return <ErrorAlert error={timeline.error} />;
  const data = timeline.data;
  if (!month)
    return <Navigate to="/plans/$planId/calendar" params={{ planId }} search={{ month: openingMonth(data) }} replace />;

  const go = (m: string) => {
    setSelected(null);
    void navigate({ search: { month: m } });
  };
  const [year, mm] = month.split('-').map(Number);
  const monthName = t(`plans.calendar.monthNames.${monthKeys[mm - 1]}`);
  // While another month loads, the previous one's answer is kept but not shown.
  const current = calendar.data?.month === month ? calendar.data : undefined;
  const days = current?.days ?? [];
  const byDate = new Map(days.map((d) => [d.date, d]));
  const first = firstDeadline(data);
  const periodStart = data.plan.periodStart ?? first;
  const periodDue = data.plan.periodDue;
  const outside = (periodStart && data.today < periodStart) || (periodDue && data.today > periodDue);
  const selectedDay = selected ? byDate.get(selected) : undefined;
  const activityCount = days.reduce((n, d) => n + d.activities.length, 0);
  const milestoneCount = days.reduce((n, d) => n + d.milestones.length, 0);

  return (
    <>
      <PageHeader
        title={t('plans.calendar.title')}
        description={<PlanLink planId={planId} plan={data.plan} />}
        actions={
          <Button
            renderRoot={(props) => <Link {...props} to="/plans/$planId/timeline" params={{ planId }} />}
            variant="light"
            leftSection={<IconChartBar size={16} />}
          >
            {t('plans.timeline.button')}
          </Button>
        }
      />
      <Stack gap="sm" data-testid="calendar" data-month={month}>
        {outside ? (
          <Text size="sm" c="partyRed.8" fw={600} data-testid="calendar-today-note">
            {t('plans.timeline.todayOutside', { date: formatDate(data.today) })}
          </Text>
        ) : null}
        <Group justify="space-between" gap="xs" wrap="wrap">
          <Group gap="xs" wrap="nowrap">
            <ActionIcon
              variant="default"
              size="lg"
              onClick={() => go(addMonths(month, -1))}
              aria-label={t('plans.calendar.previous')}
              title={t('plans.calendar.previous')}
              data-testid="calendar-previous"
            >
              <IconChevronLeft size={18} />
            </ActionIcon>
            <Title
              order={2}
              fz={{ base: 'lg', sm: 'xl' }}
              miw={phone ? 130 : 170}
              ta="center"
              data-testid="calendar-month"
            >
              {t('plans.calendar.monthTitle', { year, monthName })}
            </Title>
            <ActionIcon
              variant="default"
              size="lg"
              onClick={() => go(addMonths(month, 1))}
              aria-label={t('plans.calendar.next')}
              title={t('plans.calendar.next')}
              data-testid="calendar-next"
            >
              <IconChevronRight size={18} />
            </ActionIcon>
          </Group>
          <Group gap="xs" wrap="wrap">
            {first && first.slice(0, 7) !== month ? (
              <Button variant="subtle" size="xs" onClick={() => go(first.slice(0, 7))}>
                {t('plans.calendar.firstDeadline')}
              </Button>
            ) : null}
            {data.today.slice(0, 7) !== month ? (
              <Button variant="subtle" size="xs" onClick={() => go(data.today.slice(0, 7))}>
                {t('plans.calendar.thisMonth')}
              </Button>
            ) : null}
          </Group>
        </Group>
        <ErrorAlert error={calendar.error} />
        {current ? (
          <Text size="sm" c="dimmed">
            {activityCount + milestoneCount === 0
              ? t('plans.calendar.empty')
              : t('plans.calendar.count', { activities: activityCount, milestones: milestoneCount })}
          </Text>
        ) : null}
        {phone ? (
          current ? (
            <Agenda days={days} today={data.today} month={month} onOpen={setOpen} />
          ) : (
            <CenterLoader />
          )
        ) : (
          <MonthGrid
            month={month}
            days={byDate}
            today={data.today}
            selected={selected}
            onSelect={setSelected}
            onOpen={setOpen}
          />
        )}
        {!phone && selectedDay ? (
          <Card ref={selectedRef} bg="white" padding="md" data-testid="calendar-selected">
            <Title order={3} fz="md" mb="sm">
              {t('plans.calendar.dayTitle', { date: formatDate(selectedDay.date) })}
            </Title>
            <DeadlineLines day={selectedDay} full onOpen={setOpen} />
          </Card>
        ) : null}
      </Stack>
      <ActivityDrawer planId={planId} activityId={open} onClose={() => setOpen(null)} />
    </>
  );
}
