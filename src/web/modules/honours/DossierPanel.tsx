import { useEffect, useState } from 'react';
import { Alert, Anchor, Button, Card, Group, Image, List, Stack, Text, ThemeIcon, Title } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { IconCheck, IconMinus, IconPaperclip, IconSend, IconX } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { ApiError } from '../../app/api.ts';
import { fileUrl, formatSize, MAX_UPLOAD_BYTES, type StoredFile } from '../../app/files.ts';
import { FilePicker } from '../../ui/FilePicker.tsx';
import { useErrorText } from '../../ui/errors.tsx';
import {
  dossierKinds,
  requiredDossier,
  useAddDossierFile,
  useSubmitNomination,
  type DossierKind,
  type Nomination,
} from './api.ts';

const PHOTO_ACCEPT = '.png,.jpg,.jpeg,.webp';

function FileLine({ file }: { file: StoredFile }) {
  const { i18n } = useTranslation();
  return (
    <Group gap={6} wrap="nowrap" data-testid="dossier-file">
      <IconPaperclip size={14} style={{ flexShrink: 0 }} />
      <Anchor
        href={fileUrl(file.id)}
        target="_blank"
        rel="noopener"
        size="sm"
        style={{ minWidth: 0, overflowWrap: 'anywhere' }}
      >
        {file.name}
      </Anchor>
      <Text size="xs" c="dimmed" style={{ whiteSpace: 'nowrap' }}>
        {formatSize(file.size, i18n.language)}
      </Text>
    </Group>
  );
}

/**
 * One part of the dossier: what it is, whether it is there (a required part missing is marked),
 * its files, which open in the browser, and — while the unit may still change the dossier — the
 * upload. The server reads each file's kind from its content and says so when it refuses one.
 */
function DossierSlot({ nomination, kind, canAdd }: { nomination: Nomination; kind: DossierKind; canAdd: boolean }) {
  const { t } = useTranslation();
  const add = useAddDossierFile(nomination.id);
  const errorText = useErrorText();
  const [problem, setProblem] = useState<string | null>(null);
  const files = nomination.dossier.filter((d) => d.kind === kind && d.file).map((d) => d.file!);
  const required = requiredDossier.includes(kind);
  const present = files.length > 0;
  const attach = async (uploaded: StoredFile[]) => {
    setProblem(null);
    for (const file of uploaded) {
      try {
        await add.mutateAsync({ fileId: file.id, kind });
        notifications.show({ color: 'green', message: t('honours.dossier.added', { name: file.name }) });
      } catch (err) {
        setProblem(`${file.name}: ${errorText(err)}`);
      }
    }
  };
  return (
    <Group
      gap="sm"
      align="flex-start"
      wrap="nowrap"
      data-testid="dossier-slot"
      data-kind={kind}
      data-present={present ? 'yes' : 'no'}
    >
      <ThemeIcon
        size={24}
        radius="xl"
        variant="light"
        color={present ? 'teal' : required ? 'red' : 'gray'}
        mt={2}
        style={{ flexShrink: 0 }}
      >
        {present ? <IconCheck size={14} /> : required ? <IconX size={14} /> : <IconMinus size={14} />}
      </ThemeIcon>
      <Stack gap={4} style={{ minWidth: 0, flex: 1 }}>
        <Text size="sm" fw={600}>
          {t(`honours.dossier.kind.${kind}`)}{' '}
          <Text span size="xs" c={required ? 'red' : 'dimmed'} fw={400}>
            {required ? t('honours.dossier.required') : t('honours.dossier.optional')}
          </Text>
        </Text>
        {kind === 'photo' && files.length ? (
          <Anchor href={fileUrl(files[files.length - 1].id)} target="_blank" rel="noopener" w="fit-content">
            <Image
              src={fileUrl(files[files.length - 1].id)}
              alt={t('honours.dossier.photoAlt', { name: nomination.nominee.name })}
              h={120}
              w="auto"
              fit="contain"
              radius="sm"
            />
          </Anchor>
        ) : (
          files.map((f) => <FileLine key={f.id} file={f} />)
        )}
        {!present && !canAdd ? (
          <Text size="xs" c="dimmed">
            {t('honours.dossier.none')}
          </Text>
        ) : null}
        {canAdd ? (
          <FilePicker
            value={[]}
            onChange={(uploaded) => void attach(uploaded)}
            max={kind === 'photo' ? 1 : 10}
            hint={false}
            accept={kind === 'photo' ? PHOTO_ACCEPT : undefined}
            buttonLabel={kind === 'photo' && present ? t('honours.dossier.replacePhoto') : t('honours.dossier.upload')}
            testId={`dossier-upload-${kind}`}
            size="xs"
            error={problem}
          />
        ) : null}
      </Stack>
    </Group>
  );
}

/** The dossier by part, with what it still lacks named, and the submission, which the server refuses with each lack named. */
export function DossierPanel({ nomination, canAddPhoto }: { nomination: Nomination; canAddPhoto: boolean }) {
  const { t, i18n } = useTranslation();
  const lang = i18n.language;
  const submit = useSubmitNomination(nomination.id);
  const errorText = useErrorText();
  const editable = nomination.may.edit;
  // A refusal names what was missing then; once the dossier or the summary changes it no longer holds.
  const { reset } = submit;
  // biome-ignore lint/correctness/useExhaustiveDependencies: the dossier and summary are the triggers, not inputs
  useEffect(() => reset(), [reset, nomination.dossier.length, nomination.summary]);
  const refusal =
    submit.error instanceof ApiError && submit.error.details.length
      ? submit.error.details.map((d) => (lang === 'en' ? d.messages.en : d.messages.vi))
      : null;
  const send = () =>
    submit.mutate(undefined, {
      onSuccess: (n) =>
        notifications.show({ color: 'green', message: t('honours.dossier.submitted', { name: n.nominee.name }) }),
    });

  return (
    <Card bg="white" withBorder data-testid="dossier">
      <Title order={3} fz="md" mb="sm">
        {t('honours.dossier.title')}
      </Title>
      <Stack gap="md">
        {dossierKinds.map((kind) => (
          <DossierSlot
            key={kind}
            nomination={nomination}
            kind={kind}
            canAdd={kind === 'photo' ? canAddPhoto : editable}
          />
        ))}
        {editable || canAddPhoto ? (
          <Text size="xs" c="dimmed">
            {t('files.hint', { max: formatSize(MAX_UPLOAD_BYTES, lang) })}
          </Text>
        ) : null}
        {editable ? (
          <>
            {nomination.missing.length ? (
              <Alert
                color="orange"
                variant="light"
                title={t('honours.dossier.missingTitle')}
                data-testid="dossier-missing"
              >
                <List size="sm" spacing={2}>
                  {nomination.missing.map((m) => (
                    <List.Item key={m.key} data-testid="missing-item" data-key={m.key}>
                      {lang === 'en' ? m.en : m.vi}
                    </List.Item>
                  ))}
                </List>
              </Alert>
            ) : (
              <Alert color="teal" variant="light" data-testid="dossier-complete">
                {t('honours.dossier.complete')}
              </Alert>
            )}
            {refusal ? (
              <Alert color="red" variant="light" title={t('honours.dossier.refused')} data-testid="submit-refused">
                <List size="sm" spacing={2}>
                  {refusal.map((r) => (
                    <List.Item key={r}>{r}</List.Item>
                  ))}
                </List>
              </Alert>
            ) : submit.error ? (
              <Alert color="red" variant="light" data-testid="submit-error">
                {errorText(submit.error)}
              </Alert>
            ) : null}
            <Group justify="flex-end">
              <Button
                leftSection={<IconSend size={16} />}
                loading={submit.isPending}
                onClick={send}
                data-testid="nomination-submit"
              >
                {nomination.status === 'returned' ? t('honours.dossier.resubmit') : t('honours.dossier.submit')}
              </Button>
            </Group>
          </>
        ) : null}
      </Stack>
    </Card>
  );
}
