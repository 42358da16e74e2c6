import { useState, type FormEvent } from 'react';
import {
  ActionIcon,
  Button,
  Checkbox,
  Group,
  Modal,
  SegmentedControl,
  SimpleGrid,
  Stack,
  Text,
  TextInput,
  Textarea,
} from '@mantine/core';
import { DateInput } from '@mantine/dates';
import { useMediaQuery } from '@mantine/hooks';
import { notifications } from '@mantine/notifications';
import { IconPlus, IconTrash } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { api } from '../../app/api.ts';
import { DATE_FORMAT } from '../../app/format.ts';
import { fieldError } from '../../ui/errors.tsx';
import { bi, isoOf, useInvalidateOrganisation, useMeta, type UnitDetail } from './api.ts';
import { UnitPicker } from './UnitPicker.tsx';
import { FormActions } from '../../ui/FormActions.tsx';

type OpType = 'rename' | 'move' | 'merge' | 'split' | 'dissolve';
type Part = { code: string; name: string; shortName: string };

/** A dated restructuring of one unit, with the deciding document (POST /api/units/{id}/operations). */
export function OperationModal({ unit, onClose }: { unit: UnitDetail; onClose: () => void }) {
  const { t, i18n } = useTranslation();
  const lang = i18n.language;
  const phone = useMediaQuery('(max-width: 36em)');
  const meta = useMeta();
  const invalidate = useInvalidateOrganisation();
  const [type, setType] = useState<OpType>('rename');
  const [effectiveOn, setEffectiveOn] = useState<string | null>(null);
  const [documentNumber, setDocumentNumber] = useState('');
  const [documentDate, setDocumentDate] = useState<string | null>(null);
  const [note, setNote] = useState('');
  const [name, setName] = useState(unit.name);
  const [shortName, setShortName] = useState(unit.shortName ?? '');
  const [parentId, setParentId] = useState<string | null>(null);
  const [targetId, setTargetId] = useState<string | null>(null);
  const [parts, setParts] = useState<Part[]>([
    { code: '', name: '', shortName: '' },
    { code: '', name: '', shortName: '' },
  ]);
  const [keepSource, setKeepSource] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);

  const types: OpType[] = ['rename', 'move', 'merge', 'split', 'dissolve'];
  const label = (code: string) => bi(meta.data?.operationTypes.find((o) => o.code === code)?.label, lang) || code;
  const fe = (path: string) => fieldError(error, path, lang);

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    setBusy(true);
    setError(null);
    const base = {
      type,
      effectiveOn: isoOf(effectiveOn) ?? '',
      documentNumber: documentNumber.trim() || null,
      documentDate: isoOf(documentDate),
      note: note.trim() || null,
    };
    const extra =
      type === 'rename'
        ? { name: name.trim(), shortName: shortName.trim() || null }
        : type === 'move'
          ? { parentId: parentId ?? '' }
          : type === 'merge'
            ? { targetId: targetId ?? '' }
            : type === 'split'
              ? {
                  into: parts.map((p) => ({
                    code: p.code.trim(),
                    name: p.name.trim(),
                    shortName: p.shortName.trim() || null,
                  })),
                  keepSource,
                }
              : {};
    try {
      await api(`/api/units/${unit.id}/operations`, { method: 'POST', body: { ...base, ...extra } });
      await invalidate();
      notifications.show({ color: 'green', message: t('organisation.operation.done') });
      onClose();
    } catch (err) {
      setError(err);
    } finally {
      setBusy(false);
    }
  };

  const known = [
    'effectiveOn',
    'documentNumber',
    'documentDate',
    'note',
    'name',
    'shortName',
    'parentId',
    'targetId',
    ...parts.flatMap((_, i) => [`into.${i}.code`, `into.${i}.name`, `into.${i}.shortName`]),
  ];

  return (
    <Modal
      opened
      onClose={onClose}
      title={t('organisation.operation.title', { name: unit.name })}
      size="lg"
      fullScreen={phone}
    >
      <form onSubmit={(e) => void submit(e)} noValidate data-testid="operation-form">
        <Stack gap="sm">
          <SegmentedControl
            data={types.map((v) => ({ value: v, label: label(v) }))}
            value={type}
            onChange={(v) => setType(v as OpType)}
            orientation={phone ? 'vertical' : 'horizontal'}
            fullWidth
          />
          <Text size="sm" c="dimmed">
            {t(`organisation.operation.help.${type}`)}
          </Text>
          {type === 'rename' ? (
            <>
              <TextInput
                label={t('organisation.fields.newName')}
                value={name}
                onChange={(e) => setName(e.currentTarget.value)}
                error={fe('name')}
                required
              />
              <TextInput
                label={t('organisation.fields.shortName')}
                value={shortName}
                onChange={(e) => setShortName(e.currentTarget.value)}
                error={fe('shortName')}
              />
            </>
          ) : null}
          {type === 'move' ? (
            <UnitPicker
              label={t('organisation.fields.newParent')}
              value={parentId}
              onChange={(id) => setParentId(id)}
              error={fe('parentId')}
              required
            />
          ) : null}
          {type === 'merge' ? (
            <UnitPicker
              label={t('organisation.fields.mergeTarget')}
              value={targetId}
              onChange={(id) => setTargetId(id)}
              error={fe('targetId')}
              required
            />
          ) : null}
          {type === 'split' ? (
            <Stack gap="xs">
              {parts.map((p, i) => (
                <Group key={i} gap="xs" align="flex-start" wrap="wrap">
                  <TextInput
                    style={{ flex: '1 1 90px' }}
                    label={t('organisation.fields.code')}
                    value={p.code}
                    onChange={(e) => {
                      const code = e.currentTarget.value;
                      setParts((all) => all.map((x, j) => (j === i ? { ...x, code } : x)));
                    }}
                    error={fe(`into.${i}.code`)}
                  />
                  <TextInput
                    style={{ flex: '3 1 220px' }}
                    label={t('organisation.fields.name')}
                    value={p.name}
                    onChange={(e) => {
                      const v = e.currentTarget.value;
                      setParts((all) => all.map((x, j) => (j === i ? { ...x, name: v } : x)));
                    }}
                    error={fe(`into.${i}.name`)}
                  />
                  <ActionIcon
                    variant="subtle"
                    color="gray"
                    mt={26}
                    size="lg"
                    disabled={parts.length <= 2}
                    onClick={() => setParts((all) => all.filter((_, j) => j !== i))}
                    aria-label={t('organisation.operation.removePart')}
                  >
                    <IconTrash size={18} />
                  </ActionIcon>
                </Group>
              ))}
              <Group justify="space-between">
                <Button
                  variant="subtle"
                  size="xs"
                  leftSection={<IconPlus size={14} />}
                  onClick={() => setParts((all) => [...all, { code: '', name: '', shortName: '' }])}
                >
                  {t('organisation.operation.addPart')}
                </Button>
                <Checkbox
                  label={t('organisation.operation.keepSource')}
                  checked={keepSource}
                  onChange={(e) => setKeepSource(e.currentTarget.checked)}
                />
              </Group>
            </Stack>
          ) : null}
          <SimpleGrid cols={{ base: 1, xs: 3 }} spacing="sm">
            <DateInput
              label={t('organisation.fields.effectiveOn')}
              placeholder="dd/mm/yyyy"
              valueFormat={DATE_FORMAT}
              value={effectiveOn}
              onChange={setEffectiveOn}
              error={fe('effectiveOn')}
              required
            />
            <TextInput
              label={t('organisation.fields.documentNumber')}
              placeholder="09-ĐA/TU"
              value={documentNumber}
              onChange={(e) => setDocumentNumber(e.currentTarget.value)}
              error={fe('documentNumber')}
            />
            <DateInput
              label={t('organisation.fields.documentDate')}
              placeholder="dd/mm/yyyy"
              valueFormat={DATE_FORMAT}
              value={documentDate}
              onChange={setDocumentDate}
              error={fe('documentDate')}
              clearable
            />
          </SimpleGrid>
          <Textarea
            label={t('organisation.fields.note')}
            value={note}
            onChange={(e) => setNote(e.currentTarget.value)}
            error={fe('note')}
            autosize
            minRows={2}
          />
          <FormActions
            error={error}
            fields={known}
            busy={busy}
            onCancel={onClose}
            submitLabel={t('organisation.operation.submit')}
            submitColor={type === 'dissolve' ? 'red' : undefined}
          />
        </Stack>
      </form>
    </Modal>
  );
}
