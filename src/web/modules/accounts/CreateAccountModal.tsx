import { useState, type FormEvent } from 'react';
import { Button, Group, Modal, PasswordInput, Select, Stack, TextInput } from '@mantine/core';
import { useMediaQuery } from '@mantine/hooks';
import { useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { api, ApiError } from '../../app/api.ts';
import { isLanguage, type Language } from '../../app/i18n/index.ts';
import { ErrorAlert, fieldError, onlyFieldProblems } from '../../ui/errors.tsx';
import { PasswordOnce } from '../../ui/PasswordOnce.tsx';
import { useRoles, type AccountWithPassword } from './api.ts';

const fields = ['username', 'displayName', 'password', 'locale', 'grants.0.role', 'grants.0.unitId'];

export function CreateAccountModal({ opened, onClose }: { opened: boolean; onClose: () => void }) {
  const { t, i18n } = useTranslation();
  const phone = useMediaQuery('(max-width: 36em)');
  const queryClient = useQueryClient();
  const roles = useRoles();

  const [username, setUsername] = useState('');
  const [displayName, setDisplayName] = useState('');
  const [password, setPassword] = useState('');
  const [locale, setLocale] = useState<Language>('vi');
  const [role, setRole] = useState<string | null>(null);
  const [local, setLocal] = useState<Record<string, string>>({});
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);
  const [created, setCreated] = useState<AccountWithPassword | null>(null);

  const reset = () => {
    setUsername('');
    setDisplayName('');
    setPassword('');
    setLocale('vi');
    setRole(null);
    setLocal({});
    setError(null);
    setCreated(null);
  };
  const close = () => {
    reset();
    onClose();
  };

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    const problems: Record<string, string> = {};
    if (!username.trim()) problems.username = t('common.required');
    if (!displayName.trim()) problems.displayName = t('common.required');
    setLocal(problems);
    setError(null);
    if (Object.keys(problems).length > 0) return;
    setBusy(true);
    try {
      const result = await api<AccountWithPassword>('/api/accounts', {
        method: 'POST',
        body: {
          username: username.trim(),
          displayName,
          locale,
          ...(password ? { password } : {}),
          ...(role ? { grants: [{ role, unitId: null }] } : {}),
        },
      });
      await queryClient.invalidateQueries({ queryKey: ['accounts'] });
      await queryClient.invalidateQueries({ queryKey: ['overview'] });
      setCreated(result);
    } catch (err) {
      setError(err);
    } finally {
      setBusy(false);
    }
  };

  const lang = i18n.language;
  const taken = error instanceof ApiError && error.code === 'USERNAME_TAKEN';
  const usernameError = local.username ?? (taken ? error.text(lang) : fieldError(error, 'username', lang));

  return (
    <Modal opened={opened} onClose={close} title={t('accounts.create.title')} fullScreen={phone} size="lg">
      {created ? (
        <Stack gap="md">
          {created.generatedPassword ? (
            <PasswordOnce password={created.generatedPassword} username={created.account.username} />
          ) : null}
          <Group justify="flex-end">
            <Button onClick={close}>{t('common.done')}</Button>
          </Group>
        </Stack>
      ) : (
        <form onSubmit={(e) => void submit(e)} noValidate>
          <Stack gap="md">
            {error && !taken && !onlyFieldProblems(error, fields) ? <ErrorAlert error={error} /> : null}
            <TextInput
              label={t('accounts.fields.username')}
              description={t('accounts.create.usernameHelp')}
              autoCapitalize="none"
              spellCheck={false}
              value={username}
              onChange={(e) => setUsername(e.currentTarget.value)}
              error={usernameError}
              withAsterisk
              data-autofocus
            />
            <TextInput
              label={t('accounts.fields.displayName')}
              value={displayName}
              onChange={(e) => setDisplayName(e.currentTarget.value)}
              error={local.displayName ?? fieldError(error, 'displayName', lang)}
              withAsterisk
            />
            <Select
              label={t('accounts.fields.locale')}
              data={[
                { value: 'vi', label: 'Tiếng Việt' },
                { value: 'en', label: 'English' },
              ]}
              value={locale}
              onChange={(v) => isLanguage(v) && setLocale(v)}
              allowDeselect={false}
              error={fieldError(error, 'locale', lang)}
            />
            <Select
              label={t('accounts.create.role')}
              placeholder={t('accounts.create.noRole')}
              data={(roles.data?.roles ?? []).map((r) => ({
                value: r.role,
                label: lang === 'en' ? r.label.en : r.label.vi,
              }))}
              value={role}
              onChange={setRole}
              clearable
              error={fieldError(error, 'grants.0.role', lang)}
            />
            <PasswordInput
              label={t('accounts.create.password')}
              description={t('accounts.create.passwordHelp')}
              autoComplete="new-password"
              value={password}
              onChange={(e) => setPassword(e.currentTarget.value)}
              error={fieldError(error, 'password', lang)}
            />
            <Group justify="flex-end" gap="sm">
              <Button variant="default" onClick={close}>
                {t('common.cancel')}
              </Button>
              <Button type="submit" loading={busy}>
                {t('accounts.create.submit')}
              </Button>
            </Group>
          </Stack>
        </form>
      )}
    </Modal>
  );
}
