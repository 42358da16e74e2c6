import { ActionIcon, Anchor, Button, FileButton, Group, Stack, Text } from '@mantine/core';
import { IconPaperclip, IconX } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiError } from '../app/api.ts';
import {
  ACCEPT_ATTRIBUTE,
  ACCEPTED_EXTENSIONS,
  MAX_UPLOAD_BYTES,
  fileUrl,
  formatSize,
  uploadFile,
  type StoredFile,
} from '../app/files.ts';

/**
 * Attach files to a form: each chosen file is uploaded at once (the server checks what it is by
 * its content) and listed with its size; the form sends the ids. A refused file says why, beside
 * the button, and is left out.
 */
export function FilePicker({
  value,
  onChange,
  max = 10,
  error,
  buttonLabel,
  hint = true,
  accept = ACCEPT_ATTRIBUTE,
  testId = 'file-add',
  size = 'sm',
}: {
  value: StoredFile[];
  onChange: (files: StoredFile[]) => void;
  max?: number;
  error?: string | null;
  /** The button's words, where "Đính kèm tệp" says too little (one slot of a dossier). */
  buttonLabel?: string;
  /** Whether the line of accepted kinds and size shows beside the button (a form with several pickers shows it once). */
  hint?: boolean;
  /** What the browser's file dialog offers first (the server still decides by content). */
  accept?: string;
  testId?: string;
  size?: 'xs' | 'sm';
}) {
  const { t, i18n } = useTranslation();
  const lang = i18n.language;
  const [busy, setBusy] = useState(false);
  const [problems, setProblems] = useState<string[]>([]);

  const add = async (chosen: File[]) => {
    setProblems([]);
    const room = max - value.length;
    const found: string[] = [];
    if (chosen.length > room) found.push(t('files.tooMany', { max }));
    const added: StoredFile[] = [];
    setBusy(true);
    for (const file of chosen.slice(0, Math.max(0, room))) {
      const ext = file.name.split('.').pop()?.toLowerCase() ?? '';
      if (file.size > MAX_UPLOAD_BYTES) {
        found.push(t('files.tooLarge', { name: file.name, max: formatSize(MAX_UPLOAD_BYTES, lang) }));
        continue;
      }
      if (!ACCEPTED_EXTENSIONS.includes(ext)) {
        found.push(t('files.wrongType', { name: file.name }));
        continue;
      }
      try {
        added.push(await uploadFile(file));
      } catch (err) {
        const message =
          err instanceof ApiError ? (lang === 'en' ? err.messages.en : err.messages.vi) : t('errors.unexpected');
        found.push(`${file.name}: ${message}`);
      }
    }
    setBusy(false);
    setProblems(found);
    if (added.length) onChange([...value, ...added]);
  };

  return (
    <Stack gap={6} data-testid="file-picker">
      <Group gap="xs" wrap="wrap">
        <FileButton onChange={(files) => void add(files)} accept={accept} multiple disabled={value.length >= max}>
          {(props) => (
            <Button
              {...props}
              variant="light"
              size={size}
              leftSection={<IconPaperclip size={size === 'xs' ? 14 : 16} />}
              loading={busy}
              data-testid={testId}
            >
              {buttonLabel ?? t('files.add')}
            </Button>
          )}
        </FileButton>
        {hint ? (
          <Text size="xs" c="dimmed">
            {t('files.hint', { max: formatSize(MAX_UPLOAD_BYTES, lang) })}
          </Text>
        ) : null}
      </Group>
      {value.map((f) => (
        <Group key={f.id} gap="xs" wrap="nowrap" data-testid="file-chosen">
          <IconPaperclip size={14} style={{ flexShrink: 0 }} />
          <Anchor
            href={fileUrl(f.id)}
            target="_blank"
            rel="noopener"
            size="sm"
            style={{ minWidth: 0, overflowWrap: 'anywhere' }}
          >
            {f.name}
          </Anchor>
          <Text size="xs" c="dimmed" style={{ whiteSpace: 'nowrap' }}>
            {formatSize(f.size, lang)}
          </Text>
          <ActionIcon
            variant="subtle"
            color="gray"
            size="sm"
            aria-label={t('files.remove', { name: f.name })}
            onClick={() => onChange(value.filter((x) => x.id !== f.id))}
          >
            <IconX size={14} />
          </ActionIcon>
        </Group>
      ))}
      {[...problems, ...(error ? [error] : [])].map((p) => (
        <Text key={p} size="xs" c="red" data-testid="file-problem">
          {p}
        </Text>
      ))}
    </Stack>
  );
}

/** The files of a record, as links that open them. */
export function FileLinks({ files }: { files: StoredFile[] }) {
  const { i18n } = useTranslation();
  if (files.length === 0) return null;
  return (
    <Stack gap={2} data-testid="file-links">
      {files.map((f) => (
        <Group key={f.id} gap={6} wrap="nowrap">
          <IconPaperclip size={14} style={{ flexShrink: 0 }} />
          <Anchor
            href={fileUrl(f.id)}
            target="_blank"
            rel="noopener"
            size="sm"
            style={{ minWidth: 0, overflowWrap: 'anywhere' }}
          >
            {f.name}
          </Anchor>
          <Text size="xs" c="dimmed" style={{ whiteSpace: 'nowrap' }}>
            {formatSize(f.size, i18n.language)}
          </Text>
        </Group>
      ))}
    </Stack>
  );
}
