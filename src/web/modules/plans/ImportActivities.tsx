import { Badge, Box, Button, Card, Group, Stack, Text, Title } from '@mantine/core';
import { IconAlertTriangle, IconPencil } from '@tabler/icons-react';
import { Fragment, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { useDatesText } from './ActivityCard.tsx';
import {
  flagOf,
  nameOutcome,
  type DraftActivity,
  type EditedActivity,
  type Entry,
  type NameChoice,
  type NameMatch,
} from './importModel.ts';

/** One unit of an activity, coloured by what became of it: orange unmatched, yellow guessed, struck out when left out. */
function EntryText({
  entry,
  matches,
  choices,
}: {
  entry: Entry;
  matches: Map<string, NameMatch>;
  choices: Record<string, NameChoice>;
}) {
  const { t } = useTranslation();
  if (entry.type === 'unit')
    return (
      <Text span size="sm">
        {entry.unit.name}
      </Text>
    );
  const m = matches.get(entry.name);
  const c = choices[entry.name];
  const flag = m && !c?.checked ? flagOf(m) : null;
  const o = nameOutcome(m, c);
  const color =
    flag === 'unmatched' ? 'orange.8' : flag === 'guess' ? 'dark' : o.kind === 'units' ? undefined : 'dimmed';
  const mark = flag
    ? {
        backgroundColor: `var(--mantine-color-${flag === 'unmatched' ? 'orange-0' : 'yellow-1'})`,
        borderRadius: 3,
        padding: '0 2px',
      }
    : undefined;
  const shown =
    o.kind === 'units' && o.name && o.name !== entry.name && (flag === 'guess' || c?.kind === 'unit')
      ? ` (→ ${o.name})`
      : '';
  const group =
    o.kind === 'units' && !o.name && o.count > 1 ? ` (${t('plans.import.names.groupOf', { count: o.count })})` : '';
  return (
    <Text
      span
      size="sm"
      c={color}
      fw={flag ? 600 : undefined}
      td={o.kind === 'skip' ? 'line-through' : undefined}
      style={mark}
      data-flag={flag ?? 'none'}
    >
      {flag ? '⚠ ' : ''}
      {entry.name}
      {shown}
      {group}
    </Text>
  );
}

function Units({
  label,
  entries,
  matches,
  choices,
}: {
  label: string;
  entries: Entry[];
  matches: Map<string, NameMatch>;
  choices: Record<string, NameChoice>;
}) {
  if (!entries.length) return null;
  return (
    <Text size="sm" style={{ overflowWrap: 'anywhere' }}>
      <Text span c="dimmed" size="sm">
        {label}:{' '}
      </Text>
      {entries.map((e, i) => (
        <Fragment key={e.type === 'name' ? `n-${e.name}` : `u-${e.unit.id}`}>
          {i > 0 ? '; ' : ''}
          <EntryText entry={e} matches={matches} choices={choices} />
        </Fragment>
      ))}
    </Text>
  );
}

function DraftActivityCard({
  activity: a,
  source,
  matches,
  choices,
  problems,
  onEdit,
}: {
  activity: EditedActivity;
  source: DraftActivity;
  matches: Map<string, NameMatch>;
  choices: Record<string, NameChoice>;
  problems: string[];
  onEdit: () => void;
}) {
  const { t, i18n } = useTranslation();
  const dates = useDatesText();
  // What the reader warned about and the person has not put right since.
  const warnings = source.warnings.filter(
    (w) => !(w.code === 'NO_DUE_DATE' && a.due) && !(w.code === 'NO_LEAD' && a.lead.length),
  );
  return (
    <Card
      bg="white"
      withBorder
      padding="sm"
      data-testid="import-activity"
      data-ref={a.ref}
      style={problems.length ? { borderColor: 'var(--mantine-color-red-6)' } : undefined}
    >
      <Group justify="space-between" gap="xs" wrap="nowrap" mb={4}>
        <Badge variant="outline" color="gray" size="sm" radius="sm">
          {a.ref}
        </Badge>
        <Button
          size="compact-sm"
          variant="subtle"
          leftSection={<IconPencil size={14} />}
          onClick={onEdit}
          aria-label={t('plans.import.activity.edit', { ref: a.ref })}
        >
          {t('plans.edit.activity.edit')}
        </Button>
      </Group>
      <Text fw={600} size="sm" style={{ overflowWrap: 'anywhere' }}>
        {a.title}
      </Text>
      <Stack gap={2} mt="xs">
        <Units label={t('plans.activity.lead')} entries={a.lead} matches={matches} choices={choices} />
        <Units label={t('plans.activity.coordinating')} entries={a.coordinating} matches={matches} choices={choices} />
        <Text size="sm">
          <Text span c="dimmed" size="sm">
            {t('plans.activity.time')}:{' '}
          </Text>
          <span data-testid="import-activity-dates">
            {dates({ start: a.start, due: a.due, tentative: a.tentative, recurrence: source.recurrence })}
          </span>
        </Text>
        {source.target ? (
          <Text size="sm">
            <Text span c="dimmed" size="sm">
              {t('plans.activity.target')}:{' '}
            </Text>
            {source.target.text}
          </Text>
        ) : null}
        {warnings.map((w) => (
          <Text key={w.code} size="xs" c="orange.8">
            {i18n.language === 'en' ? w.en : w.vi}
          </Text>
        ))}
        {problems.map((p) => (
          <Text key={p} size="sm" c="red" role="alert">
            <IconAlertTriangle size={14} style={{ verticalAlign: 'middle' }} /> {p}
          </Text>
        ))}
      </Stack>
    </Card>
  );
}

/** The drafted activities under their sections, each with its units and dates, editable one by one. */
export function ImportActivities({
  activities,
  sources,
  sectionTitles,
  matches,
  choices,
  problems,
  onEdit,
}: {
  activities: EditedActivity[];
  sources: DraftActivity[];
  sectionTitles: Map<string, string>;
  matches: Map<string, NameMatch>;
  choices: Record<string, NameChoice>;
  problems: (index: number) => string[];
  onEdit: (index: number) => void;
}) {
  const { t } = useTranslation();
  const blocks: ReactNode[] = [];
  let current: string | null = null;
  let items: ReactNode[] = [];
  const flush = () => {
    if (current === null) return;
    const path = current;
    const title = sectionTitles.get(path) ?? '';
    blocks.push(
      <Box key={`${path}-${blocks.length}`} component="section" data-testid="import-section" data-section={path}>
        <Title order={4} fz="sm" mb={6} mt="xs">
          {path}
          {title ? `. ${title}` : ''}
        </Title>
        <Stack gap="xs">{items}</Stack>
      </Box>,
    );
    items = [];
  };
  activities.forEach((a, i) => {
    if (a.section !== current) {
      flush();
      current = a.section;
    }
    items.push(
      <DraftActivityCard
        key={a.ref}
        activity={a}
        source={sources[i]}
        matches={matches}
        choices={choices}
        problems={problems(i)}
        onEdit={() => onEdit(i)}
      />,
    );
  });
  flush();
  return (
    <Card bg="white" withBorder data-testid="import-activities">
      <Title order={3} fz="md">
        {t('plans.import.activitiesTitle', { count: activities.length })}
      </Title>
      {activities.length === 0 ? (
        <Text size="sm" c="dimmed" mt="xs">
          {t('plans.import.noActivities')}
        </Text>
      ) : (
        <Stack gap="sm">{blocks}</Stack>
      )}
    </Card>
  );
}
