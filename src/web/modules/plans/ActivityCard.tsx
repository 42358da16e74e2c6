import { Badge, Card, Group, Progress, Stack, Text } from '@mantine/core';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { formatDate } from '../../app/format.ts';
import type { Activity, Target, UnitLine, UnitRef } from './api.ts';
import { StatusBadge, statusColors } from './StatusBadge.tsx';

const SHOWN_UNITS = 3;

export function unitNames(units: UnitRef[], total: number, more: (n: number) => string): string {
  const names = units.slice(0, SHOWN_UNITS).map((u) => u.shortName ?? u.name);
  const rest = total - names.length;
  return rest > 0 ? `${names.join('; ')} ${more(rest)}` : names.join('; ');
}

export function targetText(target: Target): string {
  const sign = target.comparator === 'gte' ? '≥ ' : target.comparator === 'lte' ? '≤ ' : '';
  const parts = target.breakdown.length
    ? ` (${target.breakdown.map((b) => `${b.value} ${b.indicator}`).join('; ')})`
    : '';
  return `${sign}${target.value} ${target.indicator}${target.unit ? ` ${target.unit}` : ''}${parts}`;
}

/** "15/06/2019 – 30/08/2019", "hạn 30/08/2019", or what the plan says when there is no date. */
export function useDatesText() {
  const { t } = useTranslation();
  return (a: Pick<Activity, 'start' | 'due' | 'recurrence' | 'tentative'>): string => {
    let text: string;
    if (a.start && a.due && a.start !== a.due) text = `${formatDate(a.start)} – ${formatDate(a.due)}`;
    else if (a.due) text = t('plans.activity.dueOn', { date: formatDate(a.due) });
    else if (a.recurrence) text = t('plans.activity.continuous');
    else text = t('plans.activity.noDate');
    return a.tentative ? `${text} (${t('plans.activity.tentative')})` : text;
  };
}

function Line({ label, children }: { label: string; children: ReactNode }) {
  return (
    <Text size="sm">
      <Text span c="dimmed" size="sm">
        {label}:{' '}
      </Text>
      {children}
    </Text>
  );
}

/**
 * One activity: its ref, status, units, dates, target and progress. With `line` (a unit's own
 * part of it, on "my tasks"), the status and progress shown are the unit's, and the whole
 * activity's are given below.
 */
export function ActivityCard({
  activity: a,
  line,
  actions,
  menu,
}: {
  activity: Activity;
  line?: UnitLine | null;
  actions?: ReactNode;
  menu?: ReactNode;
}) {
  const { t, i18n } = useTranslation();
  const pick = (b: { vi: string; en: string }) => (i18n.language === 'en' ? b.en : b.vi);
  const dates = useDatesText();
  const more = (n: number) => t('plans.activity.more', { count: n });
  const others = a.otherParticipants.length ? a.otherParticipants : [];
  return (
    <Card
      bg="white"
      withBorder
      padding="sm"
      id={`activity-${a.id}`}
      data-testid="activity"
      data-ref={a.ref}
      data-status={line?.status ?? a.status}
    >
      <Group gap={6} mb={6} wrap="wrap">
        <Badge variant="outline" color="gray" size="sm" radius="sm">
          {a.ref}
        </Badge>
        {line ? (
          <Group gap={6} data-testid="unit-line">
            <StatusBadge status={line.status} size="sm" />
            {line.doneOn ? (
              <Text size="xs" c="dimmed">
                {t('plans.mine.doneOn', { date: formatDate(line.doneOn) })}
              </Text>
            ) : null}
          </Group>
        ) : (
          <StatusBadge status={a.status} size="sm" />
        )}
        {menu ? <div style={{ marginLeft: 'auto' }}>{menu}</div> : null}
      </Group>
      <Text fw={600} size="sm">
        {a.title}
      </Text>
      <Stack gap={2} mt="xs">
        {a.leadCount > 0 ? <Line label={t('plans.activity.lead')}>{unitNames(a.lead, a.leadCount, more)}</Line> : null}
        {a.coordinatingCount > 0 || others.length ? (
          <Line label={t('plans.activity.coordinating')}>
            {[unitNames(a.coordinating, a.coordinatingCount, more), ...others].filter(Boolean).join('; ')}
          </Line>
        ) : null}
        <Line label={t('plans.activity.time')}>{dates(a)}</Line>
        {a.target ? <Line label={t('plans.activity.target')}>{targetText(a.target)}</Line> : null}
        {a.doneOn ? <Line label={t('plans.activity.doneOn')}>{formatDate(a.doneOn)}</Line> : null}
        {a.sources.length > 1 ? (
          // an activity holding several jobs: each module's own answer, under its name
          a.sources.map((s) => (
            <Text key={s.key} size="xs" c="dimmed" data-testid="activity-source">
              <Text span fw={600} size="xs" inherit>
                {pick(s.label)}
                {s.doneOn ? ` (${formatDate(s.doneOn)})` : s.percent !== null ? ` (${s.percent}%)` : ''}:
              </Text>{' '}
              {s.note ? pick(s.note) : t('plans.activity.sourceByReports')}
            </Text>
          ))
        ) : a.sourceNote ? (
          <Text size="xs" c="dimmed">
            {pick(a.sourceNote)}
          </Text>
        ) : null}
      </Stack>
      {line ? (
        <Text size="xs" c="dimmed" mt={4} data-testid="whole-activity">
          {t('plans.mine.whole', {
            count: a.leadCount,
            status: t(`plans.status.${a.status}`),
            percent: a.percent ?? 0,
          })}
        </Text>
      ) : null}
      {(line ? line.percent : a.percent) !== null ? (
        <Group gap="xs" mt="xs" wrap="nowrap">
          <Progress
            value={(line ? line.percent : a.percent) ?? 0}
            color={statusColors[line?.status ?? a.status]}
            style={{ flex: 1 }}
            aria-label={t('plans.activity.percent')}
          />
          <Text size="xs" c="dimmed">
            {(line ? line.percent : a.percent) ?? 0}%
          </Text>
        </Group>
      ) : null}
      {actions}
    </Card>
  );
}
