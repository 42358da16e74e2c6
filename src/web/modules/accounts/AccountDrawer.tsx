import { useState, type FormEvent } from 'react';
import { Badge, Button, Divider, Drawer, Group, Select, Stack, Switch, Text, TextInput, Title } from '@mantine/core';
import { useMediaQuery } from '@mantine/hooks';
import { notifications } from '@mantine/notifications';
import { useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { api } from '../../app/api.ts';
import { useAuth } from '../../app/auth.tsx';
import { formatDateTime } from '../../app/format.ts';
import { isLanguage, type Language } from '../../app/i18n/index.ts';
import { ErrorAlert, fieldError, onlyFieldProblems } from '../../ui/errors.tsx';
import { PasswordOnce } from '../../ui/PasswordOnce.tsx';
import { ConfirmButton } from '../../ui/ConfirmButton.tsx';
import type { Account, GeneratedPassword, ResetPasswordInput, UpdateAccountInput } from './api.ts';
import { GrantsEditor } from './GrantsEditor.tsx';

function DetailsForm({
  account,
  canManage,
  onSaved,
}: {
  account: Account;
  canManage: boolean;
  onSaved: (a: Account) => void;
}) {
  const { t, i18n } = useTranslation();
  const [displayName, setDisplayName] = useState(account.displayName);
  const [locale, setLocale] = useState<Language>(account.locale);
  const [isActive, setActive] = useState(account.isActive);
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    setBusy(true);
    setError(null);
    try {
      const saved = await api<Account>(`/api/accounts/${account.id}`, {
        method: 'PATCH',
        body: { displayName, locale, isActive } satisfies UpdateAccountInput,
      });
      onSaved(saved);
      notifications.show({ color: 'green', message: t('accounts.edit.saved') });
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
        {error && !onlyFieldProblems(error, ['displayName', 'locale', 'isActive']) ? (
          <ErrorAlert error={error} />
        ) : null}
        <TextInput
          label={t('accounts.fields.displayName')}
          value={displayName}
          onChange={(e) => setDisplayName(e.currentTarget.value)}
          error={fieldError(error, 'displayName', lang)}
          disabled={!canManage}
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
          disabled={!canManage}
          error={fieldError(error, 'locale', lang)}
        />
        <Switch
          label={t('accounts.fields.active')}
          description={t('accounts.edit.activeHelp')}
          checked={isActive}
          onChange={(e) => setActive(e.currentTarget.checked)}
          disabled={!canManage}
          error={fieldError(error, 'isActive', lang)}
        />
        {canManage ? (
          <Group justify="flex-end">
            <Button type="submit" loading={busy}>
              {t('common.save')}
            </Button>
          </Group>
        ) : null}
      </Stack>
    </form>
  );
}

function ResetPassword({ account, onReset }: { account: Account; onReset: () => void }) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const [generated, setGenerated] = useState<string | null>(null);
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);

  const reset = async () => {
    setBusy(true);
    setError(null);
    try {
      const r = await api<GeneratedPassword>(`/api/accounts/${account.id}/reset-password`, {
        method: 'POST',
        body: {} satisfies ResetPasswordInput,
      });
      setGenerated(r.generatedPassword);
      onReset();
      await queryClient.invalidateQueries({ queryKey: ['accounts'] });
    } catch (err) {
      setError(err);
    } finally {
      setBusy(false);
    }
  };

  return (
    <Stack gap="sm">
      <Text size="sm" c="dimmed">
        {t('accounts.reset.help')}
      </Text>
      <ErrorAlert error={error} />
      {generated ? <PasswordOnce password={generated} username={account.username} /> : null}
      <Group>
        <ConfirmButton
          variant="light"
          color="orange"
          loading={busy}
          question={t('accounts.reset.confirm', { username: account.username })}
          confirmLabel={t('accounts.reset.submit')}
          onConfirm={reset}
        >
          {t('accounts.reset.submit')}
        </ConfirmButton>
      </Group>
    </Stack>
  );
}

/** One account: its details, its roles and a password reset, side by side with the list. */
export function AccountDrawer({
  account: shown,
  onChange,
  onClose,
}: {
  account: Account | null;
  onChange: (account: Account) => void;
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const auth = useAuth();
  const phone = useMediaQuery('(max-width: 36em)');
  const queryClient = useQueryClient();
  const canManage = auth.can('accounts.manage');

  const saved = (a: Account) => {
    onChange(a);
    void queryClient.invalidateQueries({ queryKey: ['accounts'] });
  };

  return (
    <Drawer
      opened={shown !== null}
      onClose={onClose}
      position="right"
      size={phone ? '100%' : 'lg'}
      title={
        shown ? (
          <div>
            <Title order={3} fz="lg">
              {shown.displayName}
            </Title>
            <Text size="sm" c="dimmed">
              {shown.username}
            </Text>
          </div>
        ) : null
      }
    >
      {shown ? (
        <Stack gap="md" key={shown.id}>
          <Group gap="xs">
            <Badge color={shown.isActive ? 'green' : 'gray'} variant="light" tt="none">
              {shown.isActive ? t('accounts.state.active') : t('accounts.state.inactive')}
            </Badge>
            {shown.mustChangePassword ? (
              <Badge color="orange" variant="light" tt="none">
                {t('accounts.state.mustChange')}
              </Badge>
            ) : null}
          </Group>
          <Text size="xs" c="dimmed">
            {t('accounts.fields.createdAt')}: {formatDateTime(shown.createdAt)} · {t('accounts.fields.updatedAt')}:{' '}
            {formatDateTime(shown.updatedAt)}
          </Text>
          <DetailsForm account={shown} canManage={canManage} onSaved={saved} />
          <Divider />
          <Title order={4} fz="md">
            {t('accounts.grants.title')}
          </Title>
          <GrantsEditor
            key={`${shown.id}-${shown.updatedAt}`}
            initial={shown.grants}
            disabled={!canManage}
            onSave={async (grants) => {
              const a = await api<Account>(`/api/accounts/${shown.id}/grants`, { method: 'PUT', body: { grants } });
              saved(a);
              notifications.show({ color: 'green', message: t('accounts.grants.saved') });
            }}
          />
          {canManage ? (
            <>
              <Divider />
              <Title order={4} fz="md">
                {t('accounts.reset.title')}
              </Title>
              <ResetPassword account={shown} onReset={() => onChange({ ...shown, mustChangePassword: true })} />
            </>
          ) : null}
        </Stack>
      ) : null}
    </Drawer>
  );
}
