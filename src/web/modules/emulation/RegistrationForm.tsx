import { useState, type FormEvent } from 'react';
import { ActionIcon, Button, Card, Group, NumberInput, Select, SimpleGrid, Stack, Text, Textarea } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { IconPlus, IconTrash } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { isNumericType } from '../../../common/reportValues.ts';
import { ErrorAlert, fieldError } from '../../ui/errors.tsx';
import { ApiError } from '../../app/api.ts';
import { useRegister, type DriveDetail, type Registration } from './api.ts';

type Row = { key: number; indicatorId: string | null; text: string; value: number | string };
const MAX_TARGETS = 50;
let nextKey = 1;
const newRow = (): Row => ({ key: nextKey++, indicatorId: null, text: '', value: '' });

/**
 * A unit's registration of targets (đăng ký thi đua), built for a phone: one card per target —
 * what the unit commits to, optionally the indicator of the results template it counts on and the
 * figure — and a note. Sent again the same way after the Bloc returns it.
 */
export function RegistrationForm({
  drive,
  unitId,
  existing,
}: {
  drive: DriveDetail;
  unitId: string;
  existing: Registration | null;
}) {
  const { t, i18n } = useTranslation();
  const lang = i18n.language;
  const register = useRegister(drive.id);
  const [rows, setRows] = useState<Row[]>(() =>
    existing?.targets.length
      ? existing.targets.map((x) => ({
          key: nextKey++,
          indicatorId: x.indicatorId,
          text: x.text,
          value: x.value ?? '',
        }))
      : [newRow()],
  );
  const [note, setNote] = useState(existing?.note ?? '');
  const [local, setLocal] = useState<Record<string, string>>({});
  const indicators = (drive.template?.indicators ?? []).filter((i) => isNumericType(i.valueType));
  const indicatorOptions = indicators.map((i) => ({ value: i.id, label: i.unit ? `${i.name} (${i.unit})` : i.name }));

  const edited = () => {
    if (register.error) register.reset();
    if (Object.keys(local).length) setLocal({});
  };
  const change = (key: number, patch: Partial<Row>) => {
    setRows((rs) => rs.map((r) => (r.key === key ? { ...r, ...patch } : r)));
    edited();
  };
  const fe = (path: string) => local[path] ?? fieldError(register.error, path, lang);
  const server = register.error instanceof ApiError ? register.error : null;
  const shown = (p: string) => /^targets(\.\d+\.(text|indicatorId|value))?$/.test(p) || p === 'note';
  const otherProblem =
    register.error && !(server && server.details.length > 0 && server.details.every((d) => shown(d.path)));

  const submit = (e: FormEvent) => {
    e.preventDefault();
    const found: Record<string, string> = {};
    rows.forEach((r, i) => {
      if (!r.text.trim()) found[`targets.${i}.text`] = t('common.required');
    });
    setLocal(found);
    if (Object.keys(found).length) return;
    register.mutate(
      {
        unitId,
        targets: rows.map((r) => ({
          indicatorId: r.indicatorId,
          text: r.text.trim(),
          value: r.value === '' ? null : Number(r.value),
        })),
        note: note.trim(),
      },
      { onSuccess: () => notifications.show({ color: 'green', message: t('emulation.register.sent') }) },
    );
  };

  const submitLabel =
    existing?.status === 'returned'
      ? t('emulation.register.resubmit')
      : existing
        ? t('emulation.register.update')
        : t('emulation.register.submit');

  return (
    <form onSubmit={submit} noValidate data-testid="registration-form">
      <Stack gap="sm">
        {rows.map((r, i) => (
          <Card key={r.key} bg="white" withBorder padding="sm" data-testid="target-row">
            <Group justify="space-between" wrap="nowrap" mb={4}>
              <Text size="sm" fw={600}>
                {t('emulation.register.targetN', { n: i + 1 })}
              </Text>
              {rows.length > 1 ? (
                <ActionIcon
                  variant="subtle"
                  color="red"
                  aria-label={t('emulation.register.removeTarget', { n: i + 1 })}
                  onClick={() => {
                    setRows((rs) => rs.filter((x) => x.key !== r.key));
                    edited();
                  }}
                  data-testid="target-remove"
                >
                  <IconTrash size={16} />
                </ActionIcon>
              ) : null}
            </Group>
            <Stack gap="xs">
              <Textarea
                label={t('emulation.register.text')}
                description={i === 0 ? t('emulation.register.textHint') : undefined}
                autosize
                minRows={2}
                maxRows={6}
                required
                value={r.text}
                onChange={(e) => change(r.key, { text: e.currentTarget.value })}
                error={fe(`targets.${i}.text`)}
                name={`targets.${i}.text`}
              />
              <SimpleGrid cols={{ base: 1, xs: 2 }} spacing="xs">
                <Select
                  label={t('emulation.register.indicator')}
                  placeholder={
                    indicatorOptions.length
                      ? t('emulation.register.indicatorNone')
                      : t('emulation.register.noIndicators')
                  }
                  data={indicatorOptions}
                  value={r.indicatorId}
                  disabled={!indicatorOptions.length}
                  clearable
                  onChange={(id) => {
                    const ind = indicators.find((x) => x.id === id);
                    change(r.key, { indicatorId: id, ...(ind && !r.text.trim() ? { text: ind.name } : {}) });
                  }}
                  error={fe(`targets.${i}.indicatorId`)}
                  comboboxProps={{ withinPortal: true }}
                  data-testid="target-indicator"
                />
                <NumberInput
                  label={t('emulation.register.value')}
                  min={0}
                  decimalSeparator={lang === 'en' ? '.' : ','}
                  thousandSeparator={lang === 'en' ? ',' : '.'}
                  value={r.value}
                  onChange={(v) => change(r.key, { value: v })}
                  error={fe(`targets.${i}.value`)}
                  name={`targets.${i}.value`}
                  inputMode="decimal"
                />
              </SimpleGrid>
            </Stack>
          </Card>
        ))}
        {fe('targets') ? (
          <Text size="sm" c="red">
            {fe('targets')}
          </Text>
        ) : null}
        <Button
          variant="light"
          leftSection={<IconPlus size={16} />}
          disabled={rows.length >= MAX_TARGETS}
          onClick={() => {
            setRows((rs) => [...rs, newRow()]);
            edited();
          }}
          data-testid="target-add"
        >
          {t('emulation.register.addTarget')}
        </Button>
        <Textarea
          label={t('emulation.register.note')}
          autosize
          minRows={2}
          maxRows={6}
          value={note}
          onChange={(e) => {
            setNote(e.currentTarget.value);
            edited();
          }}
          error={fe('note')}
          name="note"
        />
        {otherProblem ? <ErrorAlert error={register.error} /> : null}
        <Button type="submit" size="md" fullWidth loading={register.isPending} data-testid="registration-submit">
          {submitLabel}
        </Button>
      </Stack>
    </form>
  );
}
