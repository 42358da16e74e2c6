import { useState, type FormEvent } from 'react';
import { Button, Group, PasswordInput, Stack } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { ChangePasswordInput } from '../../../server/platform/auth/schema.ts';
import { api } from '../../app/api.ts';
import { ErrorAlert, fieldError, onlyFieldProblems } from '../../ui/errors.tsx';

const MIN_LENGTH = 8;

/** Current password, new password twice; POST /api/auth/password. */
export function ChangePasswordForm({
  onDone,
  extraActions,
}: {
  onDone: () => void | Promise<void>;
  extraActions?: React.ReactNode;
}) {
  const { t, i18n } = useTranslation();
  const [currentPassword, setCurrent] = useState('');
  const [newPassword, setNew] = useState('');
  const [confirm, setConfirm] = useState('');
  const [local, setLocal] = useState<Record<string, string>>({});
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    const problems: Record<string, string> = {};
    if (!currentPassword) problems.currentPassword = t('auth.changePassword.currentRequired');
    if (newPassword.length < MIN_LENGTH) problems.newPassword = t('auth.changePassword.tooShort', { min: MIN_LENGTH });
    if (confirm !== newPassword) problems.confirm = t('auth.changePassword.mismatch');
    setLocal(problems);
    setError(null);
    if (Object.keys(problems).length > 0) return;
    setBusy(true);
    try {
      await api('/api/auth/password', {
        method: 'POST',
        body: { currentPassword, newPassword } satisfies ChangePasswordInput,
      });
      setCurrent('');
      setNew('');
      setConfirm('');
      await onDone();
    } catch (err) {
      setError(err);
    } finally {
      setBusy(false);
    }
  };

  const lang = i18n.language;
  return (
    <form onSubmit={(e) => void submit(e)} noValidate>
      <Stack gap="md">
        {error && !onlyFieldProblems(error, ['currentPassword', 'newPassword']) ? <ErrorAlert error={error} /> : null}
        <PasswordInput
          label={t('auth.changePassword.current')}
          autoComplete="current-password"
          value={currentPassword}
          onChange={(e) => setCurrent(e.currentTarget.value)}
          error={local.currentPassword ?? fieldError(error, 'currentPassword', lang)}
        />
        <PasswordInput
          label={t('auth.changePassword.new')}
          description={t('auth.changePassword.rules', { min: MIN_LENGTH })}
          autoComplete="new-password"
          value={newPassword}
          onChange={(e) => setNew(e.currentTarget.value)}
          error={local.newPassword ?? fieldError(error, 'newPassword', lang)}
        />
        <PasswordInput
          label={t('auth.changePassword.confirm')}
          autoComplete="new-password"
          value={confirm}
          onChange={(e) => setConfirm(e.currentTarget.value)}
          error={local.confirm}
        />
        <Group justify="flex-end" gap="sm">
          {extraActions}
          <Button type="submit" loading={busy}>
            {t('auth.changePassword.submit')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
