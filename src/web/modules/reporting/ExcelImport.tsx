import { useEffect, useRef, useState } from 'react';
import { Alert, Button, FileButton, Group, List, Menu, Modal, Stack, Table, Text } from '@mantine/core';
import { useMediaQuery } from '@mantine/hooks';
import {
  IconAlertTriangle,
  IconCheck,
  IconChevronDown,
  IconDownload,
  IconPrinter,
  IconUpload,
} from '@tabler/icons-react';
import { useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { withQuery, type Bilingual } from '../../app/api.ts';
import { ErrorAlert } from '../../ui/errors.tsx';
import {
  previewFormXlsx,
  reportingKeys,
  useConfirmFormXlsx,
  type FormFilePreview,
  type FormKey,
  type ReportForm,
} from './api.ts';

const MAX_BYTES = 1024 * 1024;
const pick = (m: Bilingual, lang: string) => (lang === 'en' ? m.en : m.vi);
const shown = (v: number | string | null) => (v === null || v === '' ? '—' : String(v));

/** "Tải mẫu Excel" and, while the report may be edited, "Nhập từ Excel": the form as .xlsx and back; "In biểu mẫu": the printable layout, with this period's figures or blank. */
export function FormExcelActions({ form }: { form: ReportForm }) {
  const { t } = useTranslation();
  const key: FormKey = { templateId: form.template.id, unitId: form.unit.id, periodId: form.periodId };
  const [file, setFile] = useState<File | null>(null);
  const [fileError, setFileError] = useState<string | null>(null);
  // Cleared after each choice, so the same file can be chosen again after fixing it.
  const reset = useRef<() => void>(null);
  const choose = (f: File | null) => {
    setFileError(null);
    reset.current?.();
    if (!f) return;
    if (!f.name.toLowerCase().endsWith('.xlsx')) return setFileError(t('reporting.excel.notXlsx'));
    if (f.size > MAX_BYTES) return setFileError(t('reporting.excel.tooBig', { size: 1 }));
    setFile(f);
  };
  return (
    <Stack gap={4} mb="md">
      <Group gap="xs" wrap="wrap">
        <Button
          component="a"
          href={withQuery('/api/reporting/form.xlsx', key)}
          download
          size="xs"
          variant="light"
          leftSection={<IconDownload size={16} />}
          data-testid="download-form-xlsx"
        >
          {t('reporting.excel.download')}
        </Button>
        {form.may.edit ? (
          <FileButton
            onChange={choose}
            resetRef={reset}
            accept=".xlsx,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
          >
            {(props) => (
              <Button
                {...props}
                size="xs"
                variant="default"
                leftSection={<IconUpload size={16} />}
                data-testid="import-form-xlsx"
              >
                {t('reporting.excel.import')}
              </Button>
            )}
          </FileButton>
        ) : null}
        <Menu position="bottom-start" withinPortal>
          <Menu.Target>
            <Button
              size="xs"
              variant="default"
              leftSection={<IconPrinter size={16} />}
              rightSection={<IconChevronDown size={14} />}
              data-testid="print-form"
            >
              {t('reporting.print.menu')}
            </Button>
          </Menu.Target>
          <Menu.Dropdown>
            <Menu.Item
              component="a"
              href={withQuery('/api/reporting/form.pdf', key)}
              download
              data-testid="print-form-pdf"
            >
              {t('reporting.print.filledPdf')}
            </Menu.Item>
            <Menu.Item
              component="a"
              href={withQuery('/api/reporting/form.docx', key)}
              download
              data-testid="print-form-docx"
            >
              {t('reporting.print.filledDocx')}
            </Menu.Item>
            <Menu.Item
              component="a"
              href={withQuery('/api/reporting/form.pdf', { templateId: key.templateId, unitId: key.unitId })}
              download
              data-testid="print-form-blank"
            >
              {t('reporting.print.blankPdf')}
            </Menu.Item>
          </Menu.Dropdown>
        </Menu>
      </Group>
      {fileError ? (
        <Text size="sm" c="red" role="alert" data-testid="import-file-error">
          {fileError}
        </Text>
      ) : null}
      {file ? <ImportModal formKey={key} file={file} onClose={() => setFile(null)} /> : null}
    </Stack>
  );
}

function ImportModal({ formKey, file, onClose }: { formKey: FormKey; file: File; onClose: () => void }) {
  const { t, i18n } = useTranslation();
  const lang = i18n.language;
  const phone = useMediaQuery('(max-width: 36em)');
  const queryClient = useQueryClient();
  const confirm = useConfirmFormXlsx();
  const [preview, setPreview] = useState<FormFilePreview | null>(null);
  const [error, setError] = useState<unknown>(null);
  const { templateId, unitId, periodId } = formKey;
  useEffect(() => {
    let live = true;
    previewFormXlsx({ templateId, unitId, periodId }, file).then(
      (p) => live && setPreview(p),
      (e: unknown) => live && setError(e),
    );
    return () => {
      live = false;
    };
  }, [templateId, unitId, periodId, file]);
  const save = () => {
    if (!preview) return;
    confirm.mutate(
      { q: formKey, file, version: preview.currentVersion },
      {
        onSuccess: () => {
          void queryClient.invalidateQueries({
            queryKey: reportingKeys.form(formKey.templateId, formKey.unitId, formKey.periodId),
          });
          onClose();
        },
      },
    );
  };
  const changed = preview?.rows.filter((r) => r.changed) ?? [];
  return (
    <Modal
      opened
      onClose={onClose}
      title={t('reporting.excel.previewTitle', { file: file.name })}
      size="xl"
      fullScreen={phone}
    >
      <Stack gap="sm" data-testid="xlsx-preview">
        <ErrorAlert error={error ?? confirm.error} />
        {!preview && !error ? <Text size="sm">{t('reporting.excel.checking')}</Text> : null}
        {preview ? (
          preview.valid ? (
            <Alert
              color="green"
              icon={<IconCheck size={18} />}
              title={t('reporting.excel.valid')}
              data-testid="xlsx-valid"
            >
              {t('reporting.excel.summary', { changed: preview.changed, warnings: preview.warnings })}
            </Alert>
          ) : (
            <Alert
              color="red"
              icon={<IconAlertTriangle size={18} />}
              title={t('reporting.excel.invalid', { errors: preview.errors })}
              data-testid="xlsx-invalid"
            >
              {t('reporting.excel.nothingSaved')}
            </Alert>
          )
        ) : null}
        {preview?.problems.length ? (
          <List size="sm" spacing={4} data-testid="xlsx-problems">
            {preview.problems.map((p, i) => (
              <List.Item key={i} c={p.severity === 'error' ? 'red' : 'orange'} data-severity={p.severity}>
                {p.row !== null ? `${t('reporting.excel.row', { row: p.row })}: ` : ''}
                {pick(p.messages, lang)}
              </List.Item>
            ))}
          </List>
        ) : null}
        {changed.length ? (
          <Table.ScrollContainer minWidth={420} maxHeight={360}>
            <Table striped withTableBorder verticalSpacing={4} horizontalSpacing="xs" data-testid="xlsx-changes">
              <Table.Thead>
                <Table.Tr>
                  <Table.Th>{t('reporting.excel.rowHead')}</Table.Th>
                  <Table.Th>{t('reporting.excel.indicator')}</Table.Th>
                  <Table.Th>{t('reporting.excel.current')}</Table.Th>
                  <Table.Th>{t('reporting.excel.new')}</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {changed.map((r) => (
                  <Table.Tr key={`${r.indicatorId}|${r.breakdownKey}`}>
                    <Table.Td>{r.row}</Table.Td>
                    <Table.Td>
                      {r.name}
                      {r.breakdownLabel ? ` · ${r.breakdownLabel}` : ''}
                    </Table.Td>
                    <Table.Td>{shown(r.current)}</Table.Td>
                    <Table.Td fw={600}>{shown(r.value)}</Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </Table.ScrollContainer>
        ) : preview?.valid ? (
          <Text size="sm" c="dimmed">
            {t('reporting.excel.noChanges')}
          </Text>
        ) : null}
        <Group justify="flex-end" gap="xs">
          <Button variant="default" onClick={onClose}>
            {t('reporting.excel.cancel')}
          </Button>
          <Button onClick={save} disabled={!preview?.valid} loading={confirm.isPending} data-testid="xlsx-confirm">
            {t('reporting.excel.saveDraft')}
          </Button>
        </Group>
      </Stack>
    </Modal>
  );
}
