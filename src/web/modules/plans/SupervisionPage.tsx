import { useState, type FormEvent } from 'react';
import {
  Anchor,
  Badge,
  Box,
  Button,
  Card,
  Group,
  Modal,
  Pagination,
  SegmentedControl,
  Select,
  SimpleGrid,
  Stack,
  Text,
  Textarea,
} from '@mantine/core';
import { DateInput } from '@mantine/dates';
import { useMediaQuery } from '@mantine/hooks';
import { notifications } from '@mantine/notifications';
import { IconClipboardCheck } from '@tabler/icons-react';
import { Link, useNavigate, useSearch } from '@tanstack/react-router';
import { useTranslation } from 'react-i18next';
import { systemToday } from '../../app/clock.ts';
import { useAuth } from '../../app/auth.tsx';
import { DATE_FORMAT, formatDate } from '../../app/format.ts';
import { CenterLoader } from '../../ui/CenterLoader.tsx';
import { ErrorAlert, fieldError } from '../../ui/errors.tsx';
import { FormActions } from '../../ui/FormActions.tsx';
import { NoPermission } from '../../ui/NoPermission.tsx';
import { PageHeader } from '../../ui/PageHeader.tsx';
import { grassrootsKinds, isoOf } from '../organisation/api.ts';
import { UnitLink } from '../organisation/links.tsx';
import { UnitPicker } from '../organisation/UnitPicker.tsx';
import {
  usePlans,
  useRecordSupervision,
  useSupervisionUnits,
  useSupervisions,
  type PlanSummary,
  type Supervision,
  type SupervisionKind,
} from './api.ts';
import { usePlanRef } from './SubPlanLinks.tsx';
import type { SupervisionSearch } from './search.ts';

const PAGE_SIZE = 20;
const kindColors: Record<SupervisionKind, string> = { urge: 'orange', inspect: 'partyRed' };

/**
 * Urging and inspection visits (III.3, III.7): committee members record their visits to the
 * grassroots units they are in charge of (managers, to any unit); everyone who follows the plan
 * reads them, by plan and by unit.
 */
export function SupervisionPage() {
  const { t } = useTranslation();
  const auth = useAuth();
  const search = useSearch({ from: '/signed-in/supervisions' });
  const navigate = useNavigate({ from: '/supervisions' });
  const page = search.page ?? 1;
  const visits = useSupervisions({ planId: search.planId, unitId: search.unitId, page, pageSize: PAGE_SIZE });
  const plans = usePlans();
  const planRef = usePlanRef();
  const mayRecord = auth.can('plans.supervise');
  const units = useSupervisionUnits(mayRecord);
  const canRecord =
    units.data !== undefined && (units.data.any || units.data.items.length > 0 || units.data.mandate.length > 0);
  const [recording, setRecording] = useState(false);
  const phone = useMediaQuery('(max-width: 36em)');

  if (!auth.can('plans.read')) return <NoPermission />;
  const setFilter = (change: SupervisionSearch) =>
    void navigate({ search: (s) => ({ ...s, ...change, page: change.page ?? undefined }) });
  const planOf = (id: string | null) => (id ? plans.data?.items.find((p) => p.id === id) : undefined);
  const pages = visits.data ? Math.max(1, Math.ceil(visits.data.total / PAGE_SIZE)) : 1;

  return (
    <>
      <PageHeader
        title={t('plans.supervision.title')}
        description={t('plans.supervision.description')}
        actions={
          canRecord ? (
            <Button
              leftSection={<IconClipboardCheck size={18} />}
              onClick={() => setRecording(true)}
              data-testid="supervision-record"
            >
              {t('plans.supervision.record')}
            </Button>
          ) : null
        }
      />
      <Stack gap="md">
        {units.data && units.data.items.length > 0 ? (
          <Text size="sm" data-testid="in-charge-units">
            <Text span c="dimmed" size="sm">
              {t('plans.supervision.inCharge')}{' '}
            </Text>
            {units.data.items.map((u) => u.name).join('; ')}
          </Text>
        ) : null}
        {units.data && !units.data.any && units.data.mandate.length > 0 ? (
          <Text size="sm" c="dimmed" data-testid="mandate-units">
            {t('plans.supervision.mandate', { count: units.data.mandate.length })}
          </Text>
        ) : null}
        {mayRecord && units.data && !canRecord ? (
          <Text size="sm" c="dimmed" data-testid="not-in-charge">
            {t('plans.supervision.notInCharge')}
          </Text>
        ) : null}
        <ErrorAlert error={units.error} />
        <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="sm">
          <Select
            label={t('plans.supervision.plan')}
            placeholder={t('plans.supervision.allPlans')}
            data={(plans.data?.items ?? []).map((p) => ({ value: p.id, label: planLabel(planRef, p) }))}
            value={search.planId ?? null}
            onChange={(v) => setFilter({ planId: v ?? undefined })}
            clearable
            data-testid="filter-plan"
          />
          <UnitPicker
            label={t('plans.supervision.unit')}
            placeholder={t('plans.supervision.allUnits')}
            value={search.unitId ?? null}
            onChange={(v) => setFilter({ unitId: v ?? undefined })}
            data-testid="filter-unit"
          />
        </SimpleGrid>
        <ErrorAlert error={visits.error} />
        {visits.isPending ? <CenterLoader /> : null}
        {visits.data ? (
          <Text size="sm" c="dimmed" data-testid="supervision-total">
            {t('plans.supervision.total', { count: visits.data.total })}
          </Text>
        ) : null}
        {visits.data && visits.data.items.length === 0 ? (
          <Text c="dimmed" data-testid="supervision-empty">
            {search.planId || search.unitId ? t('plans.supervision.emptyFiltered') : t('plans.supervision.empty')}
          </Text>
        ) : null}
        <Stack gap="sm" data-testid="supervision-list">
          {visits.data?.items.map((v) => (
            <VisitCard key={v.id} visit={v} plan={planOf(v.planId)} canOpenUnit={auth.can('organisation.read')} />
          ))}
        </Stack>
        {pages > 1 ? (
          <Pagination total={pages} value={page} onChange={(p) => setFilter({ ...search, page: p })} size="sm" />
        ) : null}
      </Stack>
      <Modal
        opened={recording}
        onClose={() => setRecording(false)}
        title={t('plans.supervision.formTitle')}
        size="lg"
        fullScreen={phone}
      >
        {recording && units.data ? (
          <SupervisionForm
            units={units.data}
            plans={plans.data?.items ?? []}
            initial={{ planId: search.planId ?? plans.data?.items[0]?.id ?? null, unitId: search.unitId ?? null }}
            onClose={() => setRecording(false)}
          />
        ) : null}
      </Modal>
    </>
  );
}

function planLabel(planRef: ReturnType<typeof usePlanRef>, p: PlanSummary): string {
  return `${planRef(p)} – ${p.title}`;
}

function VisitCard({
  visit: v,
  plan,
  canOpenUnit,
}: {
  visit: Supervision;
  plan: PlanSummary | undefined;
  canOpenUnit: boolean;
}) {
  const { t } = useTranslation();
  const planRef = usePlanRef();
  return (
    <Card bg="white" withBorder padding="sm" data-testid="supervision" data-kind={v.kind} data-unit={v.unit.name}>
      <Group justify="space-between" gap="xs" wrap="wrap" style={{ rowGap: 4 }}>
        <Group gap="xs" wrap="nowrap">
          <Badge color={kindColors[v.kind]} variant="light" radius="sm" tt="none">
            {t(`plans.supervision.kinds.${v.kind}`)}
          </Badge>
          <Text size="sm" fw={700}>
            {formatDate(v.visitedOn)}
          </Text>
        </Group>
        <Text size="xs" c="dimmed">
          {t('plans.supervision.by', { name: v.recorderName })}
        </Text>
      </Group>
      <Box mt={6} style={{ minWidth: 0 }}>
        {canOpenUnit ? (
          <UnitLink id={v.unit.id} fw={600} size="sm" style={{ overflowWrap: 'anywhere' }}>
            {v.unit.name}
          </UnitLink>
        ) : (
          <Text fw={600} size="sm">
            {v.unit.name}
          </Text>
        )}
        {plan ? (
          <Text size="xs" c="dimmed">
            {t('plans.supervision.forPlan', { plan: planRef(plan) })}
          </Text>
        ) : null}
      </Box>
      <Text size="sm" mt="xs" style={{ whiteSpace: 'pre-wrap', overflowWrap: 'anywhere' }}>
        <Text span size="sm" c="dimmed">
          {t('plans.supervision.findings')}:{' '}
        </Text>
        {v.findings}
      </Text>
      {v.followUps ? (
        <Text size="sm" mt={4} style={{ whiteSpace: 'pre-wrap', overflowWrap: 'anywhere' }}>
          <Text span size="sm" c="dimmed">
            {t('plans.supervision.followUps')}:{' '}
          </Text>
          {v.followUps}
        </Text>
      ) : null}
    </Card>
  );
}

const formFields = ['planId', 'unitId', 'kind', 'visitedOn', 'findings', 'followUps'];

/** Record one visit: for a unit the member is in charge of (a manager: any unit). */
function SupervisionForm({
  units,
  plans,
  initial,
  onClose,
}: {
  units: { any: boolean; items: { id: string; name: string }[]; mandate: { id: string; name: string }[] };
  plans: PlanSummary[];
  initial: { planId: string | null; unitId: string | null };
  onClose: () => void;
}) {
  const { t, i18n } = useTranslation();
  const lang = i18n.language;
  const planRef = usePlanRef();
  const record = useRecordSupervision();
  const today = systemToday();
  const ownUnit = (id: string | null) =>
    id !== null && (units.items.some((u) => u.id === id) || units.mandate.some((u) => u.id === id));
  // the units in charge first, then the rest of the Commission's mandate
  const inMandate = units.mandate.filter((m) => !units.items.some((u) => u.id === m.id));
  const unitOptions =
    inMandate.length === 0
      ? units.items.map((u) => ({ value: u.id, label: u.name }))
      : [
          ...(units.items.length > 0
            ? [
                {
                  group: t('plans.supervision.inChargeGroup'),
                  items: units.items.map((u) => ({ value: u.id, label: u.name })),
                },
              ]
            : []),
          {
            group: t('plans.supervision.mandateGroup'),
            items: inMandate.map((u) => ({ value: u.id, label: u.name })),
          },
        ];
  const single = units.items.length + inMandate.length === 1 ? (units.items[0] ?? inMandate[0]).id : null;
  const [planId, setPlanId] = useState<string | null>(initial.planId);
  const [unitId, setUnitId] = useState<string | null>(units.any || ownUnit(initial.unitId) ? initial.unitId : single);
  const [kind, setKind] = useState<SupervisionKind>('inspect');
  const [visitedOn, setVisitedOn] = useState<string | null>(today);
  const [findings, setFindings] = useState('');
  const [followUps, setFollowUps] = useState('');
  const [error, setError] = useState<unknown>(null);
  const [missingUnit, setMissingUnit] = useState(false);
  const [corrected, setCorrected] = useState<string[]>([]);
  const touch = (path: string) => setCorrected((c) => (c.includes(path) ? c : [...c, path]));
  const fe = (path: string) => (corrected.includes(path) ? undefined : fieldError(error, path, lang));

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    setError(null);
    setCorrected([]);
    if (!unitId) {
      setMissingUnit(true);
      return;
    }
    try {
      await record.mutateAsync({
        planId,
        unitId,
        kind,
        visitedOn: isoOf(visitedOn) ?? '',
        findings: findings.trim(),
        followUps: followUps.trim(),
      });
      notifications.show({ color: 'green', message: t('plans.supervision.saved') });
      onClose();
    } catch (err) {
      setError(err);
    }
  };

  const unitError = missingUnit && !unitId ? t('common.required') : fe('unitId');
  return (
    <form onSubmit={(e) => void submit(e)} noValidate data-testid="supervision-form">
      <Stack gap="sm">
        <Select
          label={t('plans.supervision.plan')}
          placeholder={t('plans.supervision.noPlan')}
          data={plans.map((p) => ({ value: p.id, label: planLabel(planRef, p) }))}
          value={planId}
          onChange={(v) => {
            setPlanId(v);
            touch('planId');
          }}
          clearable
          error={fe('planId')}
        />
        {units.any ? (
          <UnitPicker
            label={t('plans.supervision.unit')}
            value={unitId}
            onChange={(v) => {
              setUnitId(v);
              touch('unitId');
            }}
            error={unitError}
            required
            data-testid="supervision-unit"
          />
        ) : (
          <Select
            label={t('plans.supervision.unit')}
            description={t(inMandate.length > 0 ? 'plans.supervision.unitHintMandate' : 'plans.supervision.unitHint')}
            data={unitOptions}
            searchable={inMandate.length > 0}
            value={unitId}
            onChange={(v) => {
              setUnitId(v);
              touch('unitId');
            }}
            error={unitError}
            required
            data-testid="supervision-unit"
          />
        )}
        <Box>
          <Text size="sm" fw={500} mb={4}>
            {t('plans.supervision.kind')}
          </Text>
          <SegmentedControl
            fullWidth
            value={kind}
            onChange={(v) => {
              setKind(v as SupervisionKind);
              touch('kind');
            }}
            data={[
              { value: 'inspect', label: t('plans.supervision.kinds.inspect') },
              { value: 'urge', label: t('plans.supervision.kinds.urge') },
            ]}
            data-testid="supervision-kind"
          />
          {fe('kind') ? (
            <Text size="xs" c="red" mt={4}>
              {fe('kind')}
            </Text>
          ) : null}
        </Box>
        <DateInput
          label={t('plans.supervision.visitedOn')}
          placeholder="dd/mm/yyyy"
          valueFormat={DATE_FORMAT}
          value={visitedOn}
          onChange={(v) => {
            setVisitedOn(v);
            touch('visitedOn');
          }}
          maxDate={today}
          error={fe('visitedOn')}
          required
        />
        <Textarea
          label={t('plans.supervision.findings')}
          description={t('plans.supervision.findingsHint')}
          value={findings}
          onChange={(e) => {
            setFindings(e.currentTarget.value);
            touch('findings');
          }}
          error={fe('findings')}
          autosize
          minRows={3}
          required
          data-testid="supervision-findings"
        />
        <Textarea
          label={t('plans.supervision.followUps')}
          description={t('plans.supervision.followUpsHint')}
          value={followUps}
          onChange={(e) => {
            setFollowUps(e.currentTarget.value);
            touch('followUps');
          }}
          error={fe('followUps')}
          autosize
          minRows={2}
        />
        <FormActions
          error={error}
          fields={formFields}
          busy={record.isPending}
          onCancel={onClose}
          submitLabel={t('plans.supervision.submit')}
        />
      </Stack>
    </form>
  );
}

/** A small link to a grassroots unit's visits (on the dashboard's row of the unit). */
export function UnitVisitsLink({ unit }: { unit: { id: string; kind?: string | null } }) {
  const { t } = useTranslation();
  if (unit.kind && !grassrootsKinds.includes(unit.kind)) return null;
  return (
    <Anchor
      renderRoot={(props) => <Link {...props} to="/supervisions" search={{ unitId: unit.id }} />}
      size="xs"
      c="dimmed"
      underline="always"
      data-testid="unit-visits"
    >
      {t('plans.supervision.visits')}
    </Anchor>
  );
}
