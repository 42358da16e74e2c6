import { useState, type FormEvent } from 'react';
import {
  ActionIcon,
  Button,
  Card,
  Group,
  Modal,
  NumberInput,
  SegmentedControl,
  Select,
  SimpleGrid,
  Stack,
  Text,
  TextInput,
} from '@mantine/core';
import { useMediaQuery } from '@mantine/hooks';
import { notifications } from '@mantine/notifications';
import { IconPlus, IconTrash } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { ApiError } from '../../app/api.ts';
import { isNumericType } from '../../../common/reportValues.ts';
import { fieldError } from '../../ui/errors.tsx';
import { FormActions } from '../../ui/FormActions.tsx';
import { useSetCriteria, type Criterion, type DriveDetail, type Method } from './api.ts';
import { formatScore } from './shared.tsx';

type Row = {
  key: number;
  name: string;
  weight: number | string;
  method: Method;
  indicatorId: string | null;
  maxScore: number | string;
};
let nextKey = 1;
const MAX_CRITERIA = 30;

/**
 * The scoring criteria of a drive: each with a weight and a maximum; scored either from the units'
 * reported results on an indicator of the results template (against the best unit) or by the Bloc.
 * The server refuses a change once units have been scored by hand.
 */
export function CriteriaModal({
  drive,
  criteria,
  onClose,
}: {
  drive: DriveDetail;
  criteria: Criterion[];
  onClose: () => void;
}) {
  const { t, i18n } = useTranslation();
  const lang = i18n.language;
  const phone = useMediaQuery('(max-width: 36em)');
  const save = useSetCriteria(drive.id);
  const indicators = (drive.template?.indicators ?? []).filter((i) => isNumericType(i.valueType));
  const blank = (): Row => ({
    key: nextKey++,
    name: '',
    weight: 10,
    method: indicators.length ? 'indicator' : 'manual',
    indicatorId: null,
    maxScore: 10,
  });
  const [rows, setRows] = useState<Row[]>(() =>
    criteria.length ? criteria.map((c) => ({ key: nextKey++, ...c })) : [blank()],
  );
  const [local, setLocal] = useState<Record<string, string>>({});
  const edited = () => {
    if (save.error) save.reset();
    if (Object.keys(local).length) setLocal({});
  };
  const change = (key: number, patch: Partial<Row>) => {
    setRows((rs) => rs.map((r) => (r.key === key ? { ...r, ...patch } : r)));
    edited();
  };
  const fe = (path: string) => local[path] ?? fieldError(save.error, path, lang);
  const server = save.error instanceof ApiError ? save.error : null;
  const fields = [
    ...new Set([
      'criteria',
      ...(server?.details
        .map((d) => d.path)
        .filter((p) => /^criteria\.\d+\.(name|weight|indicatorId|maxScore|method)$/.test(p)) ?? []),
    ]),
  ];
  const total = rows.reduce((a, r) => a + (Number(r.weight) || 0), 0);

  const submit = (e: FormEvent) => {
    e.preventDefault();
    const found: Record<string, string> = {};
    rows.forEach((r, i) => {
      if (!r.name.trim()) found[`criteria.${i}.name`] = t('common.required');
      if (r.weight === '') found[`criteria.${i}.weight`] = t('common.required');
      if (r.method === 'indicator' && !r.indicatorId)
        found[`criteria.${i}.indicatorId`] = t('emulation.criteria.indicatorRequired');
    });
    setLocal(found);
    if (Object.keys(found).length) return;
    save.mutate(
      rows.map((r) => ({
        name: r.name.trim(),
        weight: Number(r.weight),
        method: r.method,
        indicatorId: r.method === 'indicator' ? r.indicatorId : null,
        maxScore: r.maxScore === '' ? 10 : Number(r.maxScore),
      })),
      {
        onSuccess: () => {
          notifications.show({ color: 'green', message: t('emulation.criteria.saved') });
          onClose();
        },
      },
    );
  };

  return (
    <Modal opened onClose={onClose} title={t('emulation.criteria.title')} size="xl" fullScreen={phone}>
      <form onSubmit={submit} noValidate data-testid="criteria-form">
        <Stack gap="sm">
          <Text size="sm" c="dimmed">
            {t('emulation.criteria.help')}
          </Text>
          {rows.map((r, i) => (
            <Card key={r.key} withBorder padding="sm" data-testid="criterion-row">
              <Group justify="space-between" wrap="nowrap" mb={4}>
                <Text size="sm" fw={600}>
                  {t('emulation.criteria.n', { n: i + 1 })}
                </Text>
                {rows.length > 1 ? (
                  <ActionIcon
                    variant="subtle"
                    color="red"
                    aria-label={t('emulation.criteria.remove', { n: i + 1 })}
                    onClick={() => {
                      setRows((rs) => rs.filter((x) => x.key !== r.key));
                      edited();
                    }}
                  >
                    <IconTrash size={16} />
                  </ActionIcon>
                ) : null}
              </Group>
              <Stack gap="xs">
                <TextInput
                  label={t('emulation.criteria.name')}
                  required
                  value={r.name}
                  onChange={(e) => change(r.key, { name: e.currentTarget.value })}
                  error={fe(`criteria.${i}.name`)}
                  name={`criteria.${i}.name`}
                />
                <SegmentedControl
                  size="xs"
                  fullWidth
                  value={r.method}
                  onChange={(v) => change(r.key, { method: v as Method })}
                  data={[
                    {
                      value: 'indicator',
                      label: t('emulation.criteria.methods.indicator'),
                      disabled: !indicators.length,
                    },
                    { value: 'manual', label: t('emulation.criteria.methods.manual') },
                  ]}
                  aria-label={t('emulation.criteria.method')}
                  data-testid="criterion-method"
                />
                {r.method === 'indicator' ? (
                  <Select
                    label={t('emulation.criteria.indicator')}
                    placeholder={t('emulation.criteria.indicatorPick')}
                    data={indicators.map((x) => ({ value: x.id, label: x.unit ? `${x.name} (${x.unit})` : x.name }))}
                    value={r.indicatorId}
                    onChange={(id) => {
                      const ind = indicators.find((x) => x.id === id);
                      change(r.key, { indicatorId: id, ...(ind && !r.name.trim() ? { name: ind.name } : {}) });
                    }}
                    error={fe(`criteria.${i}.indicatorId`)}
                    data-testid="criterion-indicator"
                  />
                ) : null}
                <SimpleGrid cols={2} spacing="xs">
                  <NumberInput
                    label={t('emulation.criteria.weight')}
                    min={0}
                    max={100}
                    value={r.weight}
                    onChange={(v) => change(r.key, { weight: v })}
                    error={fe(`criteria.${i}.weight`)}
                    name={`criteria.${i}.weight`}
                  />
                  <NumberInput
                    label={t('emulation.criteria.maxScore')}
                    description={r.method === 'indicator' ? t('emulation.criteria.maxScoreIndicator') : undefined}
                    min={1}
                    max={1000}
                    value={r.maxScore}
                    onChange={(v) => change(r.key, { maxScore: v })}
                    error={fe(`criteria.${i}.maxScore`)}
                    name={`criteria.${i}.maxScore`}
                  />
                </SimpleGrid>
              </Stack>
            </Card>
          ))}
          <Group justify="space-between" wrap="wrap" gap="xs">
            <Button
              variant="light"
              leftSection={<IconPlus size={16} />}
              disabled={rows.length >= MAX_CRITERIA}
              onClick={() => {
                setRows((rs) => [...rs, blank()]);
                edited();
              }}
              data-testid="criterion-add"
            >
              {t('emulation.criteria.add')}
            </Button>
            <Text size="sm" c={fe('criteria') ? 'red' : 'dimmed'} data-testid="criteria-weight-total">
              {fe('criteria') ?? t('emulation.criteria.totalWeight', { total: formatScore(total, lang) })}
            </Text>
          </Group>
          <FormActions
            error={save.error}
            fields={fields}
            busy={save.isPending}
            onCancel={onClose}
            submitLabel={t('common.save')}
          />
        </Stack>
      </form>
    </Modal>
  );
}
