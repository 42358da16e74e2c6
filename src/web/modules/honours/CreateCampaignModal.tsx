import { useState, type FormEvent } from 'react';
import {
  ActionIcon,
  Button,
  Card,
  Checkbox,
  Group,
  Modal,
  NumberInput,
  Select,
  SimpleGrid,
  Stack,
  Text,
  TextInput,
  Textarea,
  Title,
} from '@mantine/core';
import { DateInput } from '@mantine/dates';
import { useMediaQuery } from '@mantine/hooks';
import { notifications } from '@mantine/notifications';
import { IconPlus, IconTrash } from '@tabler/icons-react';
import { useNavigate } from '@tanstack/react-router';
import { useTranslation } from 'react-i18next';
import { ApiError } from '../../app/api.ts';
import { useAuth } from '../../app/auth.tsx';
import { DATE_FORMAT } from '../../app/format.ts';
import { fieldError } from '../../ui/errors.tsx';
import { FormActions } from '../../ui/FormActions.tsx';
import { useDrives } from '../emulation/api.ts';
import { isoOf } from '../organisation/api.ts';
import { UnitPicker } from '../organisation/UnitPicker.tsx';
import { categoryKinds, checkKinds, useCreateCampaign, type CategoryKind, type EligibilityCheck } from './api.ts';

type CriterionDraft = {
  description: string;
  required: boolean;
  weight: number;
  evidence: string;
  checkKind: EligibilityCheck['kind'] | null;
  checkValue: number | string;
};
type CategoryDraft = { kind: CategoryKind; name: string; quota: number | string; criteria: CriterionDraft[] };
type Draft = {
  code: string;
  name: string;
  nominationOpens: string | null;
  nominationDue: string | null;
  driveId: string | null;
  councilUnitId: string | null;
  categories: CategoryDraft[];
};

const emptyCriterion = (): CriterionDraft => ({
  description: '',
  required: true,
  weight: 1,
  evidence: '',
  checkKind: null,
  checkValue: 5,
});
const checkOf = (x: CriterionDraft): EligibilityCheck | null => {
  const n = Math.max(1, Math.round(Number(x.checkValue) || 1));
  return x.checkKind === 'emulation_rank'
    ? { kind: 'emulation_rank', top: n }
    : x.checkKind
      ? { kind: x.checkKind, min: n }
      : null;
};

/** The emulation drive whose results are shown beside each nomination (optional). */
function DriveSelect({
  value,
  onChange,
  error,
}: {
  value: string | null;
  onChange: (id: string | null) => void;
  error?: string;
}) {
  const { t } = useTranslation();
  const drives = useDrives(1, '');
  return (
    <Select
      label={t('honours.fields.drive')}
      description={t('honours.fields.driveHint')}
      placeholder={drives.isPending ? t('common.loading') : t('honours.fields.driveNone')}
      data={(drives.data?.items ?? []).map((d) => ({ value: d.id, label: `${d.code} — ${d.name}` }))}
      value={value}
      onChange={onChange}
      clearable
      searchable
      error={error}
      name="driveId"
      data-testid="campaign-drive"
    />
  );
}

/**
 * Setting up a campaign (lập đợt tôn vinh): its code and name, the nomination window, and per
 * category — collectives, individuals, products — the quota and the criteria the Propaganda Board
 * sets: what each asks, whether it is required, its weight and the evidence it needs.
 */
export function CreateCampaignModal({ onClose }: { onClose: () => void }) {
  const { t, i18n } = useTranslation();
  const lang = i18n.language;
  const auth = useAuth();
  const phone = useMediaQuery('(max-width: 36em)');
  const navigate = useNavigate();
  const create = useCreateCampaign();
  const [d, setD] = useState<Draft>(() => ({
    code: '',
    name: '',
    nominationOpens: null,
    nominationDue: null,
    driveId: null,
    councilUnitId: null,
    categories: categoryKinds.map((kind) => ({
      kind,
      name: t(`honours.create.defaultName.${kind}`),
      quota: 15,
      criteria: [],
    })),
  }));
  const [local, setLocal] = useState<Record<string, string>>({});

  const set = (change: Partial<Draft>) => {
    setD((x) => ({ ...x, ...change }));
    setLocal({});
    if (create.error) create.reset();
  };
  const setCategory = (i: number, change: Partial<CategoryDraft>) =>
    set({ categories: d.categories.map((c, j) => (j === i ? { ...c, ...change } : c)) });
  const setCriterion = (i: number, k: number, change: Partial<CriterionDraft>) =>
    setCategory(i, { criteria: d.categories[i].criteria.map((c, j) => (j === k ? { ...c, ...change } : c)) });

  const serverError = create.error instanceof ApiError ? create.error : null;
  const codeTaken = serverError?.code === 'CAMPAIGN_CODE_TAKEN' ? serverError.text(lang) : undefined;
  const fe = (path: string) =>
    local[path] ?? (path === 'code' && codeTaken ? codeTaken : fieldError(serverError, path, lang));
  const fields = [
    'code',
    'name',
    'nominationOpens',
    'nominationDue',
    'driveId',
    'councilUnitId',
    'categories',
    ...d.categories.flatMap((c, i) => [
      `categories.${i}.name`,
      `categories.${i}.quota`,
      `categories.${i}.criteria`,
      ...c.criteria.flatMap((_, k) =>
        ['description', 'weight', 'evidence', 'check'].map((f) => `categories.${i}.criteria.${k}.${f}`),
      ),
    ]),
  ];

  const submit = (e: FormEvent) => {
    e.preventDefault();
    const found: Record<string, string> = {};
    if (!d.code.trim()) found.code = t('common.required');
    if (!d.name.trim()) found.name = t('common.required');
    if (!d.nominationOpens) found.nominationOpens = t('common.required');
    if (!d.nominationDue) found.nominationDue = t('common.required');
    if (d.nominationOpens && d.nominationDue && d.nominationDue < d.nominationOpens)
      found.nominationDue = t('honours.create.dueBeforeOpens');
    d.categories.forEach((c, i) => {
      if (!c.name.trim()) found[`categories.${i}.name`] = t('common.required');
      if (!Number(c.quota) || Number(c.quota) < 1) found[`categories.${i}.quota`] = t('honours.create.quotaPositive');
    });
    setLocal(found);
    if (Object.keys(found).length) return;
    create.mutate(
      {
        code: d.code.trim(),
        name: d.name.trim(),
        nominationOpens: d.nominationOpens!,
        nominationDue: d.nominationDue!,
        driveId: d.driveId,
        councilUnitId: d.councilUnitId,
        categories: d.categories.map((c) => ({
          kind: c.kind,
          name: c.name.trim(),
          quota: Number(c.quota),
          // Criteria left blank are dropped; each keeps a short key of its own (tc1, tc2, …).
          criteria: c.criteria
            .filter((x) => x.description.trim())
            .map((x, k) => ({
              key: `tc${k + 1}`,
              description: x.description.trim(),
              required: x.required,
              weight: x.weight,
              evidence: x.evidence.trim(),
              check: checkOf(x),
            })),
        })),
      },
      {
        onSuccess: (campaign) => {
          notifications.show({ color: 'green', message: t('honours.create.done', { name: campaign.name }) });
          onClose();
          void navigate({ to: '/honours/$campaignId', params: { campaignId: campaign.id } });
        },
      },
    );
  };

  const date = (key: 'nominationOpens' | 'nominationDue') => ({
    value: d[key],
    onChange: (v: unknown) => set({ [key]: isoOf(v) }),
    error: fe(key),
    valueFormat: DATE_FORMAT,
    placeholder: 'dd/mm/yyyy',
    name: key,
    required: true,
  });

  return (
    <Modal opened onClose={onClose} title={t('honours.create.title')} size="xl" fullScreen={phone}>
      <form onSubmit={submit} noValidate data-testid="campaign-form">
        <Stack gap="sm">
          <Textarea
            label={t('honours.fields.name')}
            autosize
            minRows={2}
            required
            value={d.name}
            onChange={(e) => set({ name: e.currentTarget.value })}
            error={fe('name')}
            name="name"
          />
          <SimpleGrid cols={{ base: 1, xs: 3 }} spacing="sm">
            <TextInput
              label={t('honours.fields.code')}
              placeholder="TV-15NAM-2019"
              required
              value={d.code}
              onChange={(e) => set({ code: e.currentTarget.value })}
              error={fe('code')}
              name="code"
            />
            <DateInput label={t('honours.fields.nominationOpens')} {...date('nominationOpens')} />
            <DateInput label={t('honours.fields.nominationDue')} {...date('nominationDue')} />
          </SimpleGrid>
          <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="sm">
            {auth.can('emulation.read') ? (
              <DriveSelect value={d.driveId} onChange={(driveId) => set({ driveId })} error={fe('driveId')} />
            ) : null}
            <UnitPicker
              label={t('honours.fields.council')}
              description={t('honours.fields.councilHint')}
              value={d.councilUnitId}
              onChange={(councilUnitId) => set({ councilUnitId })}
              error={fe('councilUnitId')}
            />
          </SimpleGrid>
          <Title order={3} fz="md" mt="xs">
            {t('honours.create.categories')}
          </Title>
          {fe('categories') ? (
            <Text size="sm" c="red">
              {fe('categories')}
            </Text>
          ) : null}
          {d.categories.map((c, i) => (
            <Card key={i} withBorder padding="sm" data-testid="campaign-category" data-kind={c.kind}>
              <Stack gap="xs">
                <Group gap="sm" align="flex-start" wrap="wrap">
                  <Select
                    label={t('honours.fields.kind')}
                    data={categoryKinds.map((k) => ({ value: k, label: t(`honours.kind.${k}`) }))}
                    value={c.kind}
                    onChange={(v) => v && setCategory(i, { kind: v as CategoryKind })}
                    allowDeselect={false}
                    w={150}
                  />
                  <TextInput
                    label={t('honours.fields.categoryName')}
                    value={c.name}
                    onChange={(e) => setCategory(i, { name: e.currentTarget.value })}
                    error={fe(`categories.${i}.name`)}
                    required
                    style={{ flex: '1 1 220px' }}
                  />
                  <NumberInput
                    label={t('honours.fields.quota')}
                    value={c.quota}
                    onChange={(v) => setCategory(i, { quota: v })}
                    min={1}
                    max={1000}
                    allowDecimal={false}
                    error={fe(`categories.${i}.quota`)}
                    required
                    w={100}
                    data-testid="category-quota"
                  />
                  {d.categories.length > 1 ? (
                    <ActionIcon
                      variant="subtle"
                      color="red"
                      mt={28}
                      aria-label={t('honours.create.removeCategory', { name: c.name })}
                      onClick={() => set({ categories: d.categories.filter((_, j) => j !== i) })}
                    >
                      <IconTrash size={16} />
                    </ActionIcon>
                  ) : null}
                </Group>
                {fe(`categories.${i}.criteria`) ? (
                  <Text size="sm" c="red">
                    {fe(`categories.${i}.criteria`)}
                  </Text>
                ) : null}
                {c.criteria.map((x, k) => (
                  <Card key={k} bg="gray.0" padding="xs" radius="sm" data-testid="criterion-row">
                    <Stack gap={6}>
                      <Group gap="xs" align="flex-start" wrap="nowrap">
                        <Textarea
                          label={t('honours.fields.criterion', { n: k + 1 })}
                          autosize
                          minRows={1}
                          value={x.description}
                          onChange={(e) => setCriterion(i, k, { description: e.currentTarget.value })}
                          error={fe(`categories.${i}.criteria.${k}.description`)}
                          style={{ flex: 1 }}
                        />
                        <ActionIcon
                          variant="subtle"
                          color="red"
                          mt={28}
                          aria-label={t('honours.create.removeCriterion', { n: k + 1 })}
                          onClick={() => setCategory(i, { criteria: c.criteria.filter((_, j) => j !== k) })}
                        >
                          <IconTrash size={16} />
                        </ActionIcon>
                      </Group>
                      <Group gap="sm" align="flex-end" wrap="wrap">
                        <TextInput
                          label={t('honours.fields.evidence')}
                          placeholder={t('honours.fields.evidencePlaceholder')}
                          value={x.evidence}
                          onChange={(e) => setCriterion(i, k, { evidence: e.currentTarget.value })}
                          error={fe(`categories.${i}.criteria.${k}.evidence`)}
                          style={{ flex: '1 1 200px' }}
                        />
                        <NumberInput
                          label={t('honours.fields.weight')}
                          value={x.weight}
                          onChange={(v) => setCriterion(i, k, { weight: Number(v) || 0 })}
                          min={0}
                          max={100}
                          decimalScale={2}
                          error={fe(`categories.${i}.criteria.${k}.weight`)}
                          w={90}
                        />
                        <Checkbox
                          label={t('honours.fields.required')}
                          checked={x.required}
                          onChange={(e) => setCriterion(i, k, { required: e.currentTarget.checked })}
                          mb={8}
                        />
                      </Group>
                      <Group gap="sm" align="flex-end" wrap="wrap">
                        <Select
                          label={t('honours.fields.check')}
                          data={[
                            { value: '', label: t('honours.check.none') },
                            ...checkKinds.map((kind) => ({ value: kind, label: t(`honours.check.kind.${kind}`) })),
                          ]}
                          value={x.checkKind ?? ''}
                          onChange={(v) =>
                            setCriterion(i, k, {
                              checkKind: (v || null) as CriterionDraft['checkKind'],
                              checkValue: v === 'emulation_rank' ? 10 : 5,
                            })
                          }
                          allowDeselect={false}
                          error={fe(`categories.${i}.criteria.${k}.check`)}
                          style={{ flex: '1 1 240px' }}
                          data-testid="criterion-check"
                        />
                        {x.checkKind ? (
                          <NumberInput
                            label={t(
                              x.checkKind === 'emulation_rank' ? 'honours.fields.checkTop' : 'honours.fields.checkMin',
                            )}
                            value={x.checkValue}
                            onChange={(v) => setCriterion(i, k, { checkValue: v })}
                            min={1}
                            max={1000}
                            allowDecimal={false}
                            w={140}
                          />
                        ) : null}
                      </Group>
                    </Stack>
                  </Card>
                ))}
                <Button
                  variant="subtle"
                  size="xs"
                  leftSection={<IconPlus size={14} />}
                  onClick={() => setCategory(i, { criteria: [...c.criteria, emptyCriterion()] })}
                  w="fit-content"
                  data-testid="criterion-add"
                >
                  {t('honours.create.addCriterion')}
                </Button>
              </Stack>
            </Card>
          ))}
          {d.categories.length < 10 ? (
            <Button
              variant="light"
              size="xs"
              leftSection={<IconPlus size={14} />}
              onClick={() =>
                set({ categories: [...d.categories, { kind: 'collective', name: '', quota: 1, criteria: [] }] })
              }
              w="fit-content"
            >
              {t('honours.create.addCategory')}
            </Button>
          ) : null}
          <FormActions
            error={codeTaken ? null : create.error}
            fields={fields}
            busy={create.isPending}
            onCancel={onClose}
            submitLabel={t('honours.create.submit')}
          />
        </Stack>
      </form>
    </Modal>
  );
}
