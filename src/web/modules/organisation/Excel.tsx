import { useState } from 'react';
import { Alert, Button, FileInput, Group, Menu, Modal, Progress, Stack, Table, Text } from '@mantine/core';
import { useMediaQuery } from '@mantine/hooks';
import {
  IconAlertTriangle,
  IconCheck,
  IconChevronDown,
  IconDownload,
  IconFileSpreadsheet,
  IconTableExport,
  IconUpload,
} from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { api, ApiError, withQuery, type Bilingual } from '../../app/api.ts';
import { useAuth } from '../../app/auth.tsx';
import { formatNumber } from '../../app/format.ts';
import { ErrorAlert } from '../../ui/errors.tsx';
import { bi, useInvalidateOrganisation, type ImportPreview, type ImportResult } from './api.ts';

type Kind = 'units' | 'people';
type View = { q?: string; asOf?: string; unitKind?: string; unitId?: string };

const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

/** Sends the file as the request body, reporting how much has gone up. */
function upload(
  kind: Kind,
  file: File,
  csrfToken: string,
  onProgress: (fraction: number) => void,
): Promise<ImportPreview> {
  return new Promise((resolve, reject) => {
    const xhr = new XMLHttpRequest();
    xhr.open('POST', withQuery('/api/organisation/imports', { kind, fileName: file.name }));
    xhr.setRequestHeader('Content-Type', XLSX);
    xhr.setRequestHeader('Accept', 'application/json');
    xhr.setRequestHeader('X-CSRF-Token', csrfToken);
    xhr.upload.onprogress = (e) => e.lengthComputable && onProgress(e.loaded / e.total);
    xhr.onerror = () =>
      reject(
        new ApiError(0, 'NETWORK', {
          vi: 'Không kết nối được tới máy chủ. Hãy kiểm tra mạng và thử lại.',
          en: 'Could not reach the server. Check the connection and try again.',
        }),
      );
    xhr.onload = () => {
      let body: unknown = null;
      try {
        body = JSON.parse(xhr.responseText);
      } catch {
        // not JSON
      }
      if (xhr.status >= 200 && xhr.status < 300) return resolve(body as ImportPreview);
      const e = (body as { error?: { code: string; messages: Bilingual } } | null)?.error;
      reject(
        new ApiError(
          xhr.status,
          e?.code ?? `HTTP_${xhr.status}`,
          e?.messages ?? {
            vi: `Máy chủ trả lời lỗi ${xhr.status}.`,
            en: `The server answered with error ${xhr.status}.`,
          },
        ),
      );
    };
    xhr.send(file);
  });
}

function ImportModal({ kind, onClose }: { kind: Kind; onClose: () => void }) {
  const { t, i18n } = useTranslation();
  const lang = i18n.language;
  const { me } = useAuth();
  const phone = useMediaQuery('(max-width: 36em)');
  const invalidate = useInvalidateOrganisation();
  const [file, setFile] = useState<File | null>(null);
  const [progress, setProgress] = useState<number | null>(null);
  const [preview, setPreview] = useState<ImportPreview | null>(null);
  const [created, setCreated] = useState<number | null>(null);
  const [error, setError] = useState<unknown>(null);
  const [confirming, setConfirming] = useState(false);

  const send = async (f: File | null) => {
    setFile(f);
    setPreview(null);
    setCreated(null);
    setError(null);
    if (!f || !me) return;
    setProgress(0);
    try {
      setPreview(await upload(kind, f, me.csrfToken, setProgress));
    } catch (err) {
      setError(err);
    } finally {
      setProgress(null);
    }
  };
  const confirm = async () => {
    if (!preview) return;
    setConfirming(true);
    setError(null);
    try {
      const r = await api<ImportResult>(`/api/organisation/imports/${preview.id}/confirm`, { method: 'POST' });
      setCreated(r.created);
      await invalidate();
    } catch (err) {
      setError(err);
    } finally {
      setConfirming(false);
    }
  };

  return (
    <Modal opened onClose={onClose} title={t(`organisation.excel.importTitle.${kind}`)} size="xl" fullScreen={phone}>
      <Stack gap="sm" data-testid="import-dialog">
        <Text size="sm" c="dimmed">
          {t('organisation.excel.importHelp')}
        </Text>
        <Button
          component="a"
          href={withQuery('/api/organisation/template.xlsx', { kind })}
          download
          variant="subtle"
          leftSection={<IconDownload size={16} />}
          w="fit-content"
        >
          {t('organisation.excel.template')}
        </Button>
        <FileInput
          label={t('organisation.excel.file')}
          placeholder={t('organisation.excel.choose')}
          accept=".xlsx,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
          value={file}
          onChange={(f) => void send(f)}
          leftSection={<IconFileSpreadsheet size={16} />}
          clearable
          disabled={progress !== null || confirming}
          data-testid="import-file"
        />
        {progress !== null ? (
          <Stack gap={4} data-testid="import-progress">
            <Text size="sm">
              {progress < 1
                ? t('organisation.excel.uploading', { percent: Math.round(progress * 100) })
                : t('organisation.excel.checking')}
            </Text>
            <Progress
              value={progress < 1 ? progress * 100 : 100}
              animated={progress >= 1}
              striped={progress >= 1}
              color="partyRed"
            />
          </Stack>
        ) : null}
        <ErrorAlert error={error} />
        {preview && created === null ? (
          preview.valid ? (
            <Alert
              color="green"
              icon={<IconCheck size={18} />}
              title={t('organisation.excel.valid')}
              data-testid="import-valid"
            >
              {t('organisation.excel.validBody', {
                count: preview.rowCount,
                formatted: formatNumber(preview.rowCount, lang),
              })}
            </Alert>
          ) : (
            <Alert
              color="red"
              icon={<IconAlertTriangle size={18} />}
              title={t('organisation.excel.invalid', { count: preview.problems.length })}
              data-testid="import-invalid"
            >
              {t('organisation.excel.invalidBody', { rows: formatNumber(preview.rowCount, lang) })}
            </Alert>
          )
        ) : null}
        {preview && preview.problems.length > 0 && created === null ? (
          <Table.ScrollContainer minWidth={300} maxHeight={420}>
            <Table striped withTableBorder verticalSpacing={6} horizontalSpacing="xs" data-testid="import-problems">
              <Table.Thead>
                <Table.Tr>
                  <Table.Th w={56}>{t('organisation.excel.row')}</Table.Th>
                  <Table.Th w={120}>{t('organisation.excel.column')}</Table.Th>
                  <Table.Th>{t('organisation.excel.problem')}</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {preview.problems.map((p, i) => (
                  <Table.Tr key={i}>
                    <Table.Td>{p.row}</Table.Td>
                    <Table.Td>{p.column}</Table.Td>
                    <Table.Td>{bi(p.messages, lang)}</Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </Table.ScrollContainer>
        ) : null}
        {created !== null ? (
          <Alert color="green" icon={<IconCheck size={18} />} data-testid="import-done">
            {t('organisation.excel.done', { formatted: formatNumber(created, lang) })}
          </Alert>
        ) : null}
        <Group justify="flex-end" gap="sm">
          <Button variant="default" onClick={onClose}>
            {created !== null ? t('common.done') : t('common.cancel')}
          </Button>
          {created === null ? (
            <Button onClick={() => void confirm()} disabled={!preview?.valid} loading={confirming}>
              {t('organisation.excel.confirm')}
            </Button>
          ) : null}
        </Group>
      </Stack>
    </Modal>
  );
}

/** Template, import and export of units or people. The export follows the filters on screen. */
export function ExcelMenu({ kind, view }: { kind: Kind; view: View }) {
  const { t } = useTranslation();
  const auth = useAuth();
  const [importing, setImporting] = useState(false);
  return (
    <>
      <Menu position="bottom-end" withinPortal>
        <Menu.Target>
          <Button
            variant="default"
            leftSection={<IconFileSpreadsheet size={18} />}
            rightSection={<IconChevronDown size={14} />}
          >
            {t('organisation.excel.menu')}
          </Button>
        </Menu.Target>
        <Menu.Dropdown>
          <Menu.Item
            component="a"
            href={withQuery('/api/organisation/template.xlsx', { kind })}
            download
            leftSection={<IconDownload size={16} />}
          >
            {t('organisation.excel.template')}
          </Menu.Item>
          {auth.can('unit.edit') ? (
            <Menu.Item leftSection={<IconUpload size={16} />} onClick={() => setImporting(true)}>
              {t('organisation.excel.import')}
            </Menu.Item>
          ) : null}
          <Menu.Item
            component="a"
            href={withQuery('/api/organisation/export.xlsx', { kind, ...view })}
            download
            leftSection={<IconTableExport size={16} />}
          >
            {t('organisation.excel.export')}
          </Menu.Item>
        </Menu.Dropdown>
      </Menu>
      {importing ? <ImportModal kind={kind} onClose={() => setImporting(false)} /> : null}
    </>
  );
}
