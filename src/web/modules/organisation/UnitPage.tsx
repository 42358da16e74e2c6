import { useState, type ReactNode } from 'react';
import {
  Anchor,
  Badge,
  Breadcrumbs,
  Button,
  Group,
  Paper,
  SimpleGrid,
  Stack,
  Text,
  Timeline,
  Title,
} from '@mantine/core';
import {
  IconArrowsSplit,
  IconEdit,
  IconGitMerge,
  IconHierarchy,
  IconPencil,
  IconPlus,
  IconSeeding,
  IconTrash,
  IconTransfer,
} from '@tabler/icons-react';
import { Link, useParams } from '@tanstack/react-router';
import { useTranslation } from 'react-i18next';
import { UnitLink, PersonLink } from './links.tsx';
import { useAuth } from '../../app/auth.tsx';
import { formatDate, formatNumber } from '../../app/format.ts';
import { CenterLoader } from '../../ui/CenterLoader.tsx';
import { ErrorAlert } from '../../ui/errors.tsx';
import { NoPermission } from '../../ui/NoPermission.tsx';
import { bi, grassrootsKinds, useKindLabel, useUnit, type Operation, type UnitDetail } from './api.ts';
import { OperationModal } from './OperationModal.tsx';
import { UnitFormModal } from './UnitForm.tsx';
import { EndedBadge } from './UnitTree.tsx';

export function Section({
  title,
  children,
  testId,
  actions,
}: {
  title: string;
  children: ReactNode;
  testId?: string;
  actions?: ReactNode;
}) {
  return (
    <Paper withBorder p={{ base: 'sm', sm: 'md' }} bg="white" data-testid={testId}>
      <Group justify="space-between" mb="sm" gap="xs">
        <Title order={3} fz="md">
          {title}
        </Title>
        {actions}
      </Group>
      {children}
    </Paper>
  );
}

function Field({ label, children }: { label: string; children: ReactNode }) {
  return (
    <div style={{ minWidth: 0 }}>
      <Text size="xs" c="dimmed">
        {label}
      </Text>
      <Text size="sm" style={{ overflowWrap: 'anywhere' }}>
        {children || '—'}
      </Text>
    </div>
  );
}

const opIcons = {
  found: IconSeeding,
  rename: IconPencil,
  move: IconTransfer,
  merge: IconGitMerge,
  split: IconArrowsSplit,
  dissolve: IconTrash,
};

function HistoryItem({ op, unitId }: { op: Operation; unitId: string }) {
  const { t, i18n } = useTranslation();
  const lang = i18n.language;
  const self = op.unit.id === unitId;
  const other = self ? op.target?.name : op.unit.name;
  const details = op.details ?? {};
  const nameOf = (v: unknown) =>
    v && typeof v === 'object' && 'name' in v && typeof v.name === 'string' ? v.name : null;
  let title = bi(op.label, lang);
  const lines: string[] = [];
  if (op.type === 'found') {
    if (self && other) lines.push(t('organisation.history.parent', { name: other }));
    if (!self) {
      title = t('organisation.history.childFounded');
      lines.push(op.unit.name);
    }
  } else if (op.type === 'rename') {
    const from = nameOf(details.from);
    const to = nameOf(details.to);
    if (from) lines.push(t('organisation.history.renamedFrom', { name: from }));
    if (to) lines.push(t('organisation.history.renamedTo', { name: to }));
  } else if (op.type === 'move' && other) {
    lines.push(
      self ? t('organisation.history.movedTo', { name: other }) : t('organisation.history.movedIn', { name: other }),
    );
  } else if (op.type === 'merge' && other) {
    lines.push(
      self
        ? t('organisation.history.mergedInto', { name: other })
        : t('organisation.history.mergedIn', { name: other }),
    );
  }
  return (
    <div data-testid="history-item">
      <Text size="sm" fw={600}>
        {title} · {formatDate(op.effectiveOn)}
      </Text>
      {lines.map((l) => (
        <Text key={l} size="sm" style={{ overflowWrap: 'anywhere' }}>
          {l}
        </Text>
      ))}
      {op.documentNumber ? (
        <Text size="xs" c="dimmed">
          {t('organisation.history.document', { number: op.documentNumber })}
          {op.documentDate ? ` ${t('organisation.history.documentDate', { date: formatDate(op.documentDate) })}` : ''}
        </Text>
      ) : null}
      {op.note ? (
        <Text size="xs" c="dimmed" fs="italic">
          {op.note}
        </Text>
      ) : null}
    </div>
  );
}

function Details({ unit }: { unit: UnitDetail }) {
  const { t, i18n } = useTranslation();
  const lang = i18n.language;
  const parent = unit.ancestors.at(-1);
  return (
    <SimpleGrid cols={{ base: 2, md: 3 }} spacing="sm" verticalSpacing="sm">
      <Field label={t('organisation.fields.code')}>{unit.code}</Field>
      <Field label={t('organisation.fields.shortName')}>{unit.shortName}</Field>
      <Field label={t('organisation.fields.kind')}>{bi(unit.kindLabel, lang)}</Field>
      <Field label={t('organisation.fields.parent')}>
        {parent ? (
          <UnitLink id={parent.id} size="sm">
            {parent.name}
          </UnitLink>
        ) : null}
      </Field>
      <Field label={t('organisation.fields.validFrom')}>{formatDate(unit.validFrom)}</Field>
      <Field label={t('organisation.fields.validTo')}>
        {unit.validTo ? formatDate(unit.validTo) : t('organisation.unit.stillExists')}
      </Field>
      <Field label={t('organisation.fields.address')}>{unit.address}</Field>
      <Field label={t('organisation.fields.phone')}>{unit.phone}</Field>
      <Field label={t('organisation.fields.email')}>{unit.email}</Field>
      {unit.website ? <Field label={t('organisation.fields.website')}>{unit.website}</Field> : null}
      {unit.taxCode || unit.workers !== null || unit.kind === 'enterprise' ? (
        <>
          <Field label={t('organisation.fields.taxCode')}>{unit.taxCode}</Field>
          <Field label={t('organisation.fields.workers')}>
            {unit.workers !== null ? formatNumber(unit.workers, lang) : null}
          </Field>
        </>
      ) : null}
      {unit.groups.map((g) => (
        <Field key={g.setId} label={g.setName}>
          {g.groupName}
        </Field>
      ))}
      <Field label={t('organisation.unit.partyMembers')}>
        <span data-testid="party-members">
          {t('organisation.unit.partyMembersCount', {
            direct: formatNumber(unit.partyMembers.direct, lang),
            subtree: formatNumber(unit.partyMembers.subtree, lang),
          })}
        </span>
      </Field>
      {unit.note ? <Field label={t('organisation.fields.note')}>{unit.note}</Field> : null}
    </SimpleGrid>
  );
}

export function UnitPage() {
  const { t, i18n } = useTranslation();
  const lang = i18n.language;
  const auth = useAuth();
  const kindLabel = useKindLabel();
  const { unitId } = useParams({ strict: false }) as { unitId: string };
  const unit = useUnit(unitId);
  const [editing, setEditing] = useState(false);
  const [restructuring, setRestructuring] = useState(false);
  const [addingChild, setAddingChild] = useState(false);

  if (!auth.can('organisation.read')) return <NoPermission />;
  if (unit.isPending) return <CenterLoader />;
  if (unit.error) return <ErrorAlert error={unit.error} />;
  const u = unit.data;
  const canEdit = auth.can('unit.edit');
  // Committee members are put in charge of grassroots organisations only.
  const showInCharge = grassrootsKinds.includes(u.kind) || u.inCharge.length > 0;

  return (
    <Stack gap="md" key={u.id}>
      <Breadcrumbs separator="›" separatorMargin={6} style={{ flexWrap: 'wrap', rowGap: 4 }}>
        <Anchor component={Link} to="/units" size="sm">
          {t('organisation.tree.title')}
        </Anchor>
        {u.ancestors.map((a) => (
          <UnitLink key={a.id} id={a.id} size="sm" style={{ whiteSpace: 'normal' }}>
            {a.shortName ?? a.name}
          </UnitLink>
        ))}
      </Breadcrumbs>
      <Group justify="space-between" align="flex-end" gap="sm" wrap="wrap">
        <Stack gap={4} style={{ minWidth: 0, flex: '1 1 300px' }}>
          <Title order={2} fz={{ base: 22, sm: 28 }} data-testid="unit-title">
            {u.name}
          </Title>
          <Group gap={6}>
            <Badge variant="light" color="partyRed" tt="none">
              {bi(u.kindLabel, lang)}
            </Badge>
            <EndedBadge unit={u} />
            {u.isDemo ? (
              <Badge variant="outline" color="gray" tt="none">
                {t('organisation.demo')}
              </Badge>
            ) : null}
          </Group>
        </Stack>
        {canEdit && !u.validTo ? (
          <Group gap="xs">
            <Button variant="default" leftSection={<IconEdit size={16} />} onClick={() => setEditing(true)}>
              {t('organisation.unit.edit')}
            </Button>
            <Button variant="light" leftSection={<IconHierarchy size={16} />} onClick={() => setRestructuring(true)}>
              {t('organisation.operation.open')}
            </Button>
          </Group>
        ) : null}
      </Group>

      <Section title={t('organisation.unit.details')} testId="unit-details">
        <Details unit={u} />
      </Section>

      <SimpleGrid cols={{ base: 1, md: showInCharge ? 2 : 1 }} spacing="md">
        {showInCharge ? (
          <Section title={t('organisation.unit.inCharge')} testId="unit-in-charge">
            {u.inCharge.length === 0 ? (
              <Text size="sm" c="dimmed">
                {t('organisation.unit.noInCharge')}
              </Text>
            ) : (
              <Stack gap="xs">
                {u.inCharge.map((ic) => (
                  <div key={ic.id}>
                    <PersonLink id={ic.personId} size="sm" fw={600}>
                      {ic.fullName}
                    </PersonLink>
                    <Text size="xs" c="dimmed">
                      {ic.titles.join('; ')}
                    </Text>
                  </div>
                ))}
              </Stack>
            )}
          </Section>
        ) : null}

        <Section
          title={t('organisation.unit.children', { count: u.children.length })}
          testId="unit-children"
          actions={
            canEdit && !u.validTo ? (
              <Button
                size="xs"
                variant="subtle"
                leftSection={<IconPlus size={14} />}
                onClick={() => setAddingChild(true)}
              >
                {t('organisation.unit.addChild')}
              </Button>
            ) : null
          }
        >
          {u.children.length === 0 ? (
            <Text size="sm" c="dimmed">
              {t('organisation.unit.noChildren')}
            </Text>
          ) : (
            <Stack gap={6}>
              {u.children.map((c) => (
                <div key={c.id}>
                  <UnitLink id={c.id} size="sm">
                    {c.name}
                  </UnitLink>
                  <Text size="xs" c="dimmed">
                    {kindLabel(c.kind, lang)}
                    {c.childCount > 0 ? ` · ${t('organisation.tree.children', { count: c.childCount })}` : ''}
                  </Text>
                </div>
              ))}
            </Stack>
          )}
        </Section>
      </SimpleGrid>

      <Section
        title={t('organisation.unit.people', { count: u.people.length })}
        testId="unit-people"
        actions={
          <Anchor renderRoot={(p) => <Link {...p} to="/people" search={{ unitId: u.id }} />} size="sm">
            {t('organisation.unit.allPeople')}
          </Anchor>
        }
      >
        {u.people.length === 0 ? (
          <Text size="sm" c="dimmed">
            {t('organisation.unit.noPeople')}
          </Text>
        ) : (
          <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="xs">
            {u.people.map((p) => (
              <div key={p.id} style={{ minWidth: 0 }}>
                <PersonLink id={p.personId} size="sm" fw={500}>
                  {p.fullName}
                </PersonLink>
                <Text size="xs" c="dimmed">
                  {p.title}
                  {p.validFrom ? ` · ${t('organisation.person.since', { date: formatDate(p.validFrom) })}` : ''}
                </Text>
              </div>
            ))}
          </SimpleGrid>
        )}
      </Section>

      <Section title={t('organisation.unit.history')} testId="unit-history">
        {u.history.length === 0 ? (
          <Text size="sm" c="dimmed">
            {t('organisation.unit.noHistory')}
          </Text>
        ) : (
          <Timeline active={u.history.length} bulletSize={26} lineWidth={2} color="partyRed">
            {u.history.map((op) => {
              const Icon = opIcons[op.type] ?? IconPencil;
              return (
                <Timeline.Item key={op.id} bullet={<Icon size={14} />}>
                  <HistoryItem op={op} unitId={u.id} />
                </Timeline.Item>
              );
            })}
          </Timeline>
        )}
        {u.versions.length > 1 ? (
          <Stack gap={2} mt="md">
            <Text size="xs" fw={600} c="dimmed">
              {t('organisation.unit.versions')}
            </Text>
            {u.versions.map((v) => (
              <Text key={v.validFrom} size="xs" c="dimmed">
                {formatDate(v.validFrom)} – {v.validTo ? formatDate(v.validTo) : t('organisation.unit.now')}: {v.name}
                {v.parentName ? ` (${v.parentName})` : ''}
              </Text>
            ))}
          </Stack>
        ) : null}
      </Section>

      {editing ? <UnitFormModal unit={u} onClose={() => setEditing(false)} /> : null}
      {addingChild ? <UnitFormModal parentId={u.id} onClose={() => setAddingChild(false)} /> : null}
      {restructuring ? <OperationModal unit={u} onClose={() => setRestructuring(false)} /> : null}
    </Stack>
  );
}
