import { useState } from 'react';
import { Badge, Button, Card, Group, Paper, Stack, Text, Title } from '@mantine/core';
import { IconArrowBackUp, IconCheck, IconPencil } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { UnitPicker } from '../organisation/UnitPicker.tsx';
import { flagOf, nameOutcome, type NameChoice, type NameMatch } from './importModel.ts';

const collator = new Intl.Collator('vi');

/** Where the person should look first: undecided unmatched names, then undecided guesses, then the rest. */
function rank(m: NameMatch, c: NameChoice | undefined): number {
  if (c?.checked) return 2;
  const flag = flagOf(m);
  return flag === 'unmatched' ? 0 : flag === 'guess' ? 1 : 2;
}

function useStateBadge() {
  const { t } = useTranslation();
  return (m: NameMatch, c: NameChoice | undefined) => {
    const flag = flagOf(m);
    if (flag === 'unmatched' && !c?.checked)
      return (
        <Badge color="orange" variant="light">
          {t('plans.import.names.unmatched')}
        </Badge>
      );
    if (flag === 'guess' && !c?.checked)
      return (
        <Badge color="yellow" variant="light">
          {t('plans.import.names.guess')}
        </Badge>
      );
    if (c?.kind === 'skip')
      return (
        <Badge color="gray" variant="light">
          {t('plans.import.names.skipped')}
        </Badge>
      );
    if (c?.kind === 'text' || (c?.kind === 'proposed' && m.resolvedCount === 0))
      return (
        <Badge color="gray" variant="light">
          {t('plans.import.names.kept')}
        </Badge>
      );
    if (c?.kind === 'unit' || flag !== null)
      return (
        <Badge color="green" variant="light">
          {t('plans.import.names.chosen')}
        </Badge>
      );
    if (m.via === 'group')
      return (
        <Badge color="blue" variant="light">
          {t('plans.import.names.group')}
        </Badge>
      );
    return (
      <Badge color="green" variant="light">
        {t('plans.import.names.exact')}
      </Badge>
    );
  };
}

function NameRow({
  match: m,
  choice,
  refs,
  onChoose,
}: {
  match: NameMatch;
  choice: NameChoice | undefined;
  refs: string[];
  onChoose: (c: NameChoice) => void;
}) {
  const { t } = useTranslation();
  const badge = useStateBadge();
  const flagged = flagOf(m) !== null && !choice?.checked;
  const [open, setOpen] = useState(false);
  const outcome = nameOutcome(m, choice);
  const chosenId = choice?.kind === 'unit' ? (choice.unit?.id ?? null) : null;
  const proposedId = choice?.kind === 'proposed' && m.resolvedCount === 1 ? m.resolvedIds[0] : null;
  const wrap = {
    root: { height: 'auto', maxWidth: '100%' },
    label: { whiteSpace: 'normal' as const, textAlign: 'left' as const, paddingBlock: 4, lineHeight: 1.35 },
  };

  let result: string;
  if (outcome.kind === 'skip') result = t('plans.import.names.skipHint');
  else if (outcome.kind === 'text') result = t('plans.import.names.keptHint');
  else if (outcome.name) result = outcome.name;
  else result = t('plans.import.names.groupOf', { count: outcome.count });

  return (
    <Paper
      withBorder
      p="sm"
      radius="sm"
      data-testid="import-name"
      data-name={m.name}
      data-flag={flagged ? flagOf(m) : 'none'}
      style={
        flagged
          ? {
              borderColor: `var(--mantine-color-${flagOf(m) === 'unmatched' ? 'orange' : 'yellow'}-5)`,
              borderLeftWidth: 4,
            }
          : undefined
      }
    >
      <Group justify="space-between" align="flex-start" gap="xs" wrap="nowrap">
        <Stack gap={2} style={{ minWidth: 0, flex: 1 }}>
          <Group gap="xs" wrap="wrap">
            <Text fw={600} size="sm" style={{ overflowWrap: 'anywhere' }}>
              {m.name}
            </Text>
            {badge(m, choice)}
          </Group>
          <Text
            size="sm"
            c={outcome.kind === 'units' ? undefined : 'dimmed'}
            style={{ overflowWrap: 'anywhere' }}
            data-testid="import-name-outcome"
          >
            → {result}
          </Text>
          <Text size="xs" c="dimmed">
            {t('plans.import.names.usedIn', { refs: refs.join(', ') || '—' })}
          </Text>
        </Stack>
        {!flagged ? (
          <Button
            size="compact-sm"
            variant="subtle"
            leftSection={<IconPencil size={14} />}
            onClick={() => setOpen((o) => !o)}
            aria-expanded={open}
          >
            {t('plans.import.names.change')}
          </Button>
        ) : null}
      </Group>
      {flagged || open ? (
        <Stack gap="xs" mt="xs" data-testid="import-name-actions">
          {m.candidates.length ? (
            <>
              <Text size="xs" c="dimmed">
                {t('plans.import.names.candidates')}
              </Text>
              <Group gap={6} wrap="wrap">
                {m.candidates.map((c) => {
                  const on = chosenId === c.id || (chosenId === null && proposedId === c.id);
                  return (
                    <Button
                      key={c.id}
                      size="xs"
                      variant={on ? 'filled' : 'light'}
                      color={on ? 'green' : 'blue'}
                      leftSection={on ? <IconCheck size={14} /> : null}
                      styles={wrap}
                      onClick={() => {
                        onChoose({ kind: 'unit', unit: { id: c.id, name: c.name }, checked: true });
                        setOpen(false);
                      }}
                      data-testid="import-candidate"
                    >
                      {c.name} ({Math.round(c.score * 100)}%)
                    </Button>
                  );
                })}
              </Group>
            </>
          ) : null}
          <UnitPicker
            size="xs"
            aria-label={t('plans.import.names.pick')}
            placeholder={t('plans.import.names.pick')}
            value={chosenId}
            clearable={false}
            onChange={(id, name) => {
              if (id) onChoose({ kind: 'unit', unit: { id, name: name ?? id }, checked: true });
            }}
            comboboxProps={{ withinPortal: true }}
          />
          <Group gap={6} wrap="wrap">
            <Button
              size="xs"
              variant={choice?.kind === 'text' ? 'filled' : 'default'}
              styles={wrap}
              onClick={() => onChoose({ kind: 'text', checked: true })}
              data-testid="import-keep"
            >
              {t('plans.import.names.keep')}
            </Button>
            <Button
              size="xs"
              variant={choice?.kind === 'skip' ? 'filled' : 'default'}
              color="gray"
              styles={wrap}
              onClick={() => onChoose({ kind: 'skip', checked: true })}
              data-testid="import-skip"
            >
              {t('plans.import.names.skip')}
            </Button>
            {choice && choice.kind !== 'proposed' ? (
              <Button
                size="xs"
                variant="subtle"
                leftSection={<IconArrowBackUp size={14} />}
                onClick={() => onChoose({ kind: 'proposed', checked: flagOf(m) === null })}
              >
                {t('plans.import.names.undo')}
              </Button>
            ) : null}
          </Group>
        </Stack>
      ) : null}
    </Paper>
  );
}

/** Every unit name of the document beside what the registry made of it, the doubtful ones first. */
export function ImportUnitNames({
  units,
  names,
  usage,
  onChoose,
}: {
  units: NameMatch[];
  names: Record<string, NameChoice>;
  usage: Map<string, string[]>;
  onChoose: (name: string, choice: NameChoice) => void;
}) {
  const { t } = useTranslation();
  // The order is fixed when the draft arrives, so a row does not jump away while it is decided.
  const [order] = useState(() =>
    [...units].sort((a, b) => rank(a, names[a.name]) - rank(b, names[b.name]) || collator.compare(a.name, b.name)),
  );
  return (
    <Card bg="white" withBorder data-testid="import-names">
      <Title order={3} fz="md">
        {t('plans.import.names.title')}
      </Title>
      <Text size="sm" c="dimmed" mb="sm">
        {t('plans.import.names.hint')}
      </Text>
      {order.length === 0 ? (
        <Text size="sm" c="dimmed">
          {t('plans.import.names.none')}
        </Text>
      ) : (
        <Stack gap="xs">
          {order.map((m) => (
            <NameRow
              key={m.name}
              match={m}
              choice={names[m.name]}
              refs={usage.get(m.name) ?? []}
              onChoose={(c) => onChoose(m.name, c)}
            />
          ))}
        </Stack>
      )}
    </Card>
  );
}
