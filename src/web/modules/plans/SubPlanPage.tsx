import { useMemo, useState, type FormEvent } from 'react';
import {
  ActionIcon,
  Alert,
  Anchor,
  Badge,
  Box,
  Button,
  Card,
  Checkbox,
  Group,
  Select,
  SimpleGrid,
  Stack,
  Text,
  TextInput,
  Textarea,
  Title,
} from '@mantine/core';
import { DateInput } from '@mantine/dates';
import { notifications } from '@mantine/notifications';
import { IconCircleCheck, IconPlus, IconTrash } from '@tabler/icons-react';
import { Link, useNavigate, useParams } from '@tanstack/react-router';
import { useTranslation } from 'react-i18next';
import { systemToday } from '../../app/clock.ts';
import { useAuth } from '../../app/auth.tsx';
import { DATE_FORMAT, formatDate } from '../../app/format.ts';
import { CenterLoader } from '../../ui/CenterLoader.tsx';
import { ErrorAlert, fieldError } from '../../ui/errors.tsx';
import { FormActions } from '../../ui/FormActions.tsx';
import { NoPermission } from '../../ui/NoPermission.tsx';
import { PageHeader } from '../../ui/PageHeader.tsx';
import { isoOf } from '../organisation/api.ts';
import {
  useCreateSubPlan,
  usePlan,
  useSubPlanDraft,
  useSubPlanUnits,
  type DraftActivity,
  type SubPlanDraft,
  type SubPlanRef,
} from './api.ts';
import { useDatesText } from './ActivityCard.tsx';
import { usePlanRef } from './SubPlanLinks.tsx';

/**
 * "Căn cứ kế hoạch này xây dựng kế hoạch": a grassroots unit builds its own plan from the Bloc's,
 * on a phone first. The Bloc's activities the unit leads or coordinates come ticked, the others
 * can be ticked; the unit adds its own. A unit has one plan per Bloc plan: when it already has
 * one, this page links to it instead of offering a second.
 */
export function SubPlanPage() {
  const { t } = useTranslation();
  const { planId } = useParams({ from: '/signed-in/plans/$planId/sub-plan' });
  const auth = useAuth();
  const allowed = auth.can('plans.report');
  const parent = usePlan(planId);
  const units = useSubPlanUnits(planId, allowed);
  const planRef = usePlanRef();
  const [chosen, setChosen] = useState<string | null>(null);
  const items = units.data?.items ?? [];
  // With one unit there is nothing to choose; with several, the first still without a plan.
  const unitId = chosen ?? (items.find((i) => i.subPlan === null) ?? items[0])?.unit.id ?? null;
  const draft = useSubPlanDraft(planId, allowed ? unitId : null);

  if (!allowed) return <NoPermission />;
  return (
    <>
      <PageHeader
        title={t('plans.subPlan.title')}
        description={
          parent.data ? (
            <>
              {t('plans.subPlan.basedOn')}{' '}
              <Anchor renderRoot={(props) => <Link {...props} to="/plans/$planId" params={{ planId }} />} size="sm">
                {planRef(parent.data)}
              </Anchor>
              {parent.data.issuingBody ? ` ${t('plans.subPlan.of', { body: parent.data.issuingBody })}` : ''}
            </>
          ) : undefined
        }
      />
      <Stack gap="md">
        <ErrorAlert error={units.error} />
        {units.isPending ? <CenterLoader /> : null}
        {units.data && items.length === 0 ? (
          <Text c="dimmed" data-testid="sub-plan-no-unit">
            {t('plans.subPlan.noUnits')}
          </Text>
        ) : null}
        {items.length > 1 ? (
          <Select
            label={t('plans.subPlan.unit')}
            data={items.map((i) => ({
              value: i.unit.id,
              label: i.subPlan ? `${i.unit.name} (${t('plans.subPlan.hasPlan')})` : i.unit.name,
            }))}
            value={unitId}
            onChange={(v) => v && setChosen(v)}
            allowDeselect={false}
            searchable
            data-testid="sub-plan-unit"
          />
        ) : null}
        <ErrorAlert error={draft.error} />
        {unitId && draft.isPending ? <CenterLoader /> : null}
        {draft.data ? (
          draft.data.subPlan ? (
            <ExistingPlan unitName={draft.data.unit.name} plan={draft.data.subPlan} />
          ) : (
            <SubPlanForm key={draft.data.unit.id} draft={draft.data} />
          )
        ) : null}
      </Stack>
    </>
  );
}

/** The unit already has its plan of this plan: say so and link to it. */
function ExistingPlan({ unitName, plan }: { unitName: string; plan: SubPlanRef }) {
  const { t } = useTranslation();
  const planRef = usePlanRef();
  return (
    <Alert
      color="green"
      variant="light"
      icon={<IconCircleCheck size={20} />}
      title={t('plans.subPlan.exists', { unit: unitName })}
      data-testid="sub-plan-exists"
    >
      <Text size="sm">{planRef(plan)}</Text>
      <Text size="sm" fw={600} mt={4} style={{ overflowWrap: 'anywhere' }}>
        {plan.type} {plan.title}
      </Text>
      <Button mt="sm" renderRoot={(props) => <Link {...props} to="/plans/$planId" params={{ planId: plan.id }} />}>
        {t('plans.subPlan.open')}
      </Button>
    </Alert>
  );
}

type OwnDraft = { key: number; title: string; due: string | null; section: string | null; description: string };

/** The Bloc's activities in the plan's order, under their section headings (two levels). */
type SectionGroup = { top: string; heading: string | null; path: string; title: string; items: DraftActivity[] };

function groupsOf(draft: SubPlanDraft, sectionLabel: (path: string) => string): SectionGroup[] {
  const byPath = new Map(draft.sections.map((s) => [s.path, s]));
  const headingOf = (path: string) => {
    const s = byPath.get(path);
    return s?.title ? `${s.marker} ${s.title}`.trim() : sectionLabel(path);
  };
  const groups: SectionGroup[] = [];
  for (const a of draft.activities) {
    const last = groups[groups.length - 1];
    if (last && last.path === a.section) {
      last.items.push(a);
      continue;
    }
    const top = a.section.split('.')[0];
    const newTop = !groups.some((g) => g.top === top);
    groups.push({
      top,
      heading: newTop ? headingOf(top) : null,
      path: a.section,
      title: a.section === top ? '' : headingOf(a.section),
      items: [a],
    });
  }
  return groups;
}

function SubPlanForm({ draft }: { draft: SubPlanDraft }) {
  const { t, i18n } = useTranslation();
  const lang = i18n.language;
  const navigate = useNavigate();
  const create = useCreateSubPlan(draft.plan.id);
  const datesText = useDatesText();
  const today = systemToday();
  const [title, setTitle] = useState(draft.proposedTitle);
  const [number, setNumber] = useState('');
  const [issuedOn, setIssuedOn] = useState<string | null>(today);
  const [picked, setPicked] = useState<Set<string>>(
    () => new Set(draft.activities.filter((a) => a.role !== null).map((a) => a.id)),
  );
  const contentSections = draft.sections.filter((s) => s.role === 'content');
  const defaultSection =
    (contentSections.find((s) => !s.path.includes('.')) ?? contentSections[0] ?? draft.sections[0])?.path ?? 'I';
  const [own, setOwn] = useState<OwnDraft[]>([]);
  const [nextKey, setNextKey] = useState(1);
  const [error, setError] = useState<unknown>(null);
  const [nothing, setNothing] = useState(false);
  // Fields changed since the server answered: their old message no longer applies.
  const [corrected, setCorrected] = useState<string[]>([]);
  const touch = (path: string) => setCorrected((c) => (c.includes(path) ? c : [...c, path]));
  const fe = (path: string) => (corrected.includes(path) ? undefined : fieldError(error, path, lang));

  const groups = useMemo(() => groupsOf(draft, (path) => t('plans.subPlan.section', { path })), [draft, t]);
  const sectionOptions = contentSections.map((s) => ({ value: s.path, label: `${s.path}. ${s.title}` }));

  const toggle = (id: string, on: boolean) => {
    setPicked((p) => {
      const next = new Set(p);
      if (on) next.add(id);
      else next.delete(id);
      return next;
    });
    setNothing(false);
    touch('pick');
  };
  const setOwnField = (index: number, change: Partial<OwnDraft>) => {
    setOwn((list) => list.map((o, i) => (i === index ? { ...o, ...change } : o)));
    for (const k of Object.keys(change)) touch(`own.${index}.${k}`);
  };
  const addOwn = () => {
    setOwn((list) => [...list, { key: nextKey, title: '', due: null, section: defaultSection, description: '' }]);
    setNextKey((k) => k + 1);
    setNothing(false);
  };
  const removeOwn = (index: number) => {
    setOwn((list) => list.filter((_, i) => i !== index));
    // Messages were for the rows as they stood; the rows below this one have moved up.
    setError(null);
  };

  const fields = [
    'unitId',
    'title',
    'number',
    'issuedOn',
    'pick',
    ...own.flatMap((_, i) => ['title', 'due', 'section', 'description'].map((f) => `own.${i}.${f}`)),
  ];

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    setError(null);
    setCorrected([]);
    if (picked.size === 0 && own.length === 0) {
      setNothing(true);
      return;
    }
    try {
      const plan = await create.mutateAsync({
        unitId: draft.unit.id,
        title: title.trim() || null,
        number: number.trim() || null,
        issuedOn: isoOf(issuedOn),
        // in the Bloc's order
        pick: draft.activities.filter((a) => picked.has(a.id)).map((a) => a.id),
        own: own.map((o) => ({
          section: o.section ?? defaultSection,
          title: o.title.trim(),
          due: isoOf(o.due),
          description: o.description.trim(),
        })),
      });
      notifications.show({ color: 'green', message: t('plans.subPlan.saved') });
      await navigate({ to: '/plans/$planId', params: { planId: plan.id } });
    } catch (err) {
      setError(err);
    }
  };

  return (
    <form onSubmit={(e) => void submit(e)} noValidate data-testid="sub-plan-form">
      <Stack gap="md">
        <Card bg="white" withBorder>
          <Stack gap="sm">
            <Text size="sm">
              <Text span c="dimmed" size="sm">
                {t('plans.subPlan.unit')}:{' '}
              </Text>
              <Text span fw={600} size="sm" data-testid="sub-plan-unit-name">
                {draft.unit.name}
              </Text>
            </Text>
            <Textarea
              label={t('plans.subPlan.planTitle')}
              description={t('plans.subPlan.planTitleHint')}
              value={title}
              onChange={(e) => {
                setTitle(e.currentTarget.value);
                touch('title');
              }}
              error={fe('title')}
              autosize
              minRows={2}
            />
            <SimpleGrid cols={{ base: 1, xs: 2 }} spacing="sm">
              <TextInput
                label={t('plans.subPlan.number')}
                placeholder={t('plans.subPlan.numberHint')}
                value={number}
                onChange={(e) => {
                  setNumber(e.currentTarget.value);
                  touch('number');
                }}
                error={fe('number')}
              />
              <DateInput
                label={t('plans.subPlan.issuedOn')}
                placeholder="dd/mm/yyyy"
                valueFormat={DATE_FORMAT}
                value={issuedOn}
                onChange={(v) => {
                  setIssuedOn(v);
                  touch('issuedOn');
                }}
                maxDate={today}
                error={fe('issuedOn')}
                data-testid="sub-plan-issued-on"
              />
            </SimpleGrid>
          </Stack>
        </Card>

        <Card bg="white" withBorder data-testid="sub-plan-bloc">
          <Title order={2} fz="lg">
            {t('plans.subPlan.bloc')}
          </Title>
          <Text size="sm" c="dimmed" mt={4}>
            {t('plans.subPlan.blocHint')}
          </Text>
          <Text size="sm" fw={600} mt="xs" data-testid="sub-plan-picked">
            {t('plans.subPlan.picked', { count: picked.size, total: draft.activities.length })}
          </Text>
          {fe('pick') ? (
            <Text size="sm" c="red" mt={4}>
              {fe('pick')}
            </Text>
          ) : null}
          <Stack gap="xs" mt="sm">
            {groups.map((g) => (
              <Box key={`${g.path}-${g.items[0].id}`}>
                {g.heading ? (
                  <Text fw={700} size="sm" mt="sm" mb={4} tt="uppercase" c="partyRed.8">
                    {g.heading}
                  </Text>
                ) : null}
                {g.title ? (
                  <Text fw={600} size="sm" mb={6}>
                    {g.title}
                  </Text>
                ) : null}
                <Stack gap={10}>
                  {g.items.map((a) => (
                    <Checkbox
                      key={a.id}
                      checked={picked.has(a.id)}
                      onChange={(e) => toggle(a.id, e.currentTarget.checked)}
                      data-testid="bloc-activity"
                      data-ref={a.ref}
                      label={a.title}
                      styles={{
                        body: { alignItems: 'flex-start' },
                        labelWrapper: { minWidth: 0 },
                        label: { overflowWrap: 'anywhere' },
                      }}
                      description={
                        <Group component="span" gap={6} wrap="wrap" mt={2} style={{ rowGap: 2 }}>
                          <Text span size="xs" c="dimmed">
                            {a.ref} · {datesText(a)}
                          </Text>
                          {a.role ? (
                            <Badge
                              component="span"
                              size="xs"
                              variant="light"
                              color={a.role === 'lead' ? 'partyRed' : 'blue'}
                              tt="none"
                            >
                              {a.role === 'lead' ? t('plans.subPlan.lead') : t('plans.subPlan.coordinating')}
                            </Badge>
                          ) : null}
                        </Group>
                      }
                    />
                  ))}
                </Stack>
              </Box>
            ))}
          </Stack>
        </Card>

        <Card bg="white" withBorder data-testid="sub-plan-own">
          <Title order={2} fz="lg">
            {t('plans.subPlan.own')}
          </Title>
          <Text size="sm" c="dimmed" mt={4}>
            {t('plans.subPlan.ownHint')}
          </Text>
          <Stack gap="sm" mt="sm">
            {own.length === 0 ? (
              <Text size="sm" c="dimmed">
                {t('plans.subPlan.ownEmpty')}
              </Text>
            ) : null}
            {own.map((o, i) => (
              <Card key={o.key} withBorder padding="sm" bg="gray.0" data-testid="own-activity">
                <Group justify="space-between" wrap="nowrap" mb={4}>
                  <Text fw={600} size="sm">
                    {t('plans.subPlan.ownNumber', { n: i + 1 })}
                  </Text>
                  <ActionIcon
                    variant="subtle"
                    color="red"
                    onClick={() => removeOwn(i)}
                    aria-label={t('plans.subPlan.removeOwn', { n: i + 1 })}
                  >
                    <IconTrash size={16} />
                  </ActionIcon>
                </Group>
                <Stack gap="xs">
                  <TextInput
                    label={t('plans.subPlan.ownTitle')}
                    value={o.title}
                    onChange={(e) => setOwnField(i, { title: e.currentTarget.value })}
                    error={fe(`own.${i}.title`)}
                    required
                  />
                  <SimpleGrid cols={{ base: 1, xs: 2 }} spacing="xs">
                    <DateInput
                      label={t('plans.subPlan.ownDue')}
                      placeholder="dd/mm/yyyy"
                      valueFormat={DATE_FORMAT}
                      value={o.due}
                      onChange={(v) => setOwnField(i, { due: v })}
                      error={fe(`own.${i}.due`)}
                      clearable
                    />
                    {sectionOptions.length ? (
                      <Select
                        label={t('plans.subPlan.ownSection')}
                        data={sectionOptions}
                        value={o.section}
                        onChange={(v) => setOwnField(i, { section: v })}
                        allowDeselect={false}
                        error={fe(`own.${i}.section`)}
                        comboboxProps={{ width: 'min(480px, calc(100vw - 32px))', position: 'bottom-start' }}
                      />
                    ) : null}
                  </SimpleGrid>
                  <Textarea
                    label={t('plans.subPlan.ownDescription')}
                    value={o.description}
                    onChange={(e) => setOwnField(i, { description: e.currentTarget.value })}
                    error={fe(`own.${i}.description`)}
                    autosize
                    minRows={2}
                  />
                </Stack>
              </Card>
            ))}
            <Group>
              <Button variant="light" leftSection={<IconPlus size={16} />} onClick={addOwn} data-testid="own-add">
                {t('plans.subPlan.addOwn')}
              </Button>
            </Group>
          </Stack>
        </Card>

        {nothing ? <ErrorAlertText text={t('plans.subPlan.nothing')} /> : null}
        {issuedOn && draft.plan.deployDue && issuedOn > draft.plan.deployDue ? (
          <Text size="sm" c="orange.8">
            {t('plans.subPlan.afterDeadline', { date: formatDate(draft.plan.deployDue) })}
          </Text>
        ) : null}
        <FormActions
          error={error}
          fields={fields}
          busy={create.isPending}
          onCancel={() => void navigate({ to: '/plans/$planId', params: { planId: draft.plan.id } })}
          submitLabel={t('plans.subPlan.submit')}
        />
      </Stack>
    </form>
  );
}

function ErrorAlertText({ text }: { text: string }) {
  return (
    <Alert color="red" variant="light" role="alert">
      {text}
    </Alert>
  );
}
