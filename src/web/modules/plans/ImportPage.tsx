import { useState } from 'react';
import { Anchor, Card, FileInput, Group, Loader, Stack, Text } from '@mantine/core';
import { IconFileText } from '@tabler/icons-react';
import { Link } from '@tanstack/react-router';
import { useTranslation } from 'react-i18next';
import { useAuth } from '../../app/auth.tsx';
import { ErrorAlert } from '../../ui/errors.tsx';
import { NoPermission } from '../../ui/NoPermission.tsx';
import { PageHeader } from '../../ui/PageHeader.tsx';
import { ImportDraft } from './ImportDraft.tsx';
import { importTypeOf, MAX_IMPORT_BYTES, previewImport, type ImportPreview } from './importModel.ts';

const ACCEPT = '.txt,.docx,text/plain,application/vnd.openxmlformats-officedocument.wordprocessingml.document';

function sizeText(bytes: number): string {
  return bytes >= 1024 * 1024 ? `${(bytes / 1024 / 1024).toFixed(1)} MB` : `${Math.ceil(bytes / 1024)} KB`;
}

/**
 * /plans/import: choose a plan document, read it into a draft (nothing saved), correct the draft,
 * confirm. The draft's screen is ImportDraft; this page holds the file and the server's answer.
 */
export function ImportPage() {
  const { t } = useTranslation();
  const auth = useAuth();
  const [file, setFile] = useState<File | null>(null);
  const [problem, setProblem] = useState<string | null>(null);
  const [error, setError] = useState<unknown>(null);
  const [reading, setReading] = useState(false);
  const [preview, setPreview] = useState<ImportPreview | null>(null);

  if (!auth.can('plans.manage')) return <NoPermission />;

  const read = async (chosen: File | null) => {
    setFile(chosen);
    setProblem(null);
    setError(null);
    setPreview(null);
    if (!chosen) return;
    const type = importTypeOf(chosen.name);
    if (!type) return setProblem(t('plans.import.badType', { name: chosen.name }));
    if (chosen.size > MAX_IMPORT_BYTES)
      return setProblem(t('plans.import.tooLarge', { name: chosen.name, size: sizeText(chosen.size) }));
    setReading(true);
    try {
      setPreview(await previewImport(chosen, type));
    } catch (err) {
      setError(err);
    } finally {
      setReading(false);
    }
  };

  const reset = () => {
    setFile(null);
    setPreview(null);
    setProblem(null);
    setError(null);
  };

  return (
    <>
      <PageHeader title={t('plans.import.title')} description={t('plans.import.description')} />
      {preview && file ? (
        <ImportDraft
          key={`${file.name}-${file.lastModified}`}
          preview={preview}
          fileName={file.name}
          onOtherFile={reset}
        />
      ) : (
        <Card bg="white" withBorder maw={640} data-testid="import-file">
          <Stack gap="sm">
            <FileInput
              label={t('plans.import.fileLabel')}
              description={t('plans.import.fileHint')}
              placeholder={t('plans.import.filePlaceholder')}
              accept={ACCEPT}
              value={file}
              onChange={(f) => void read(f)}
              leftSection={<IconFileText size={18} />}
              clearable
              disabled={reading}
              error={problem ?? undefined}
              data-testid="import-file-input"
            />
            {reading ? (
              <Group gap="xs" aria-live="polite">
                <Loader size="sm" color="partyRed" />
                <Text size="sm">{t('plans.import.reading')}</Text>
              </Group>
            ) : null}
            <ErrorAlert error={error} title={t('plans.import.unreadable')} />
            <Text size="sm" c="dimmed">
              {t('plans.import.nothingSaved')}
            </Text>
          </Stack>
        </Card>
      )}
      <Anchor component={Link} to="/plans" size="sm" mt="lg" display="inline-block">
        {t('plans.plan.back')}
      </Anchor>
    </>
  );
}
