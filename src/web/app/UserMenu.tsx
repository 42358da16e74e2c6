import { Avatar, Group, Menu, Text, UnstyledButton } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { IconCheck, IconChevronDown, IconKey, IconLanguage, IconLogout } from '@tabler/icons-react';
import { useNavigate } from '@tanstack/react-router';
import { useTranslation } from 'react-i18next';
import { useAuth, useMe } from './auth.tsx';
import { setLanguage, type Language } from './i18n/index.ts';
import { useErrorText } from '../ui/errors.tsx';

const languageNames: Record<Language, string> = { vi: 'Tiếng Việt', en: 'English' };

function initials(name: string): string {
  const words = name.trim().split(/\s+/).filter(Boolean);
  const picked = words.length > 1 ? [words[0], words[words.length - 1]] : words;
  return picked.map((w) => w[0]?.toUpperCase() ?? '').join('') || '?';
}

export function UserMenu() {
  const { t, i18n } = useTranslation();
  const auth = useAuth();
  const me = useMe();
  const navigate = useNavigate();
  const errorText = useErrorText();

  const chooseLanguage = async (lang: Language) => {
    // The interface changes at once; the choice is then saved to the account.
    void setLanguage(lang);
    try {
      await auth.updateMe({ locale: lang });
    } catch (err) {
      notifications.show({ color: 'red', title: t('userMenu.languageNotSaved'), message: errorText(err) });
    }
  };

  const signOut = async () => {
    await auth.signOut().catch(() => undefined);
    await navigate({ to: '/sign-in', search: {} });
  };

  return (
    <Menu position="bottom-end" width={240} withinPortal shadow="md">
      <Menu.Target>
        <UnstyledButton aria-label={t('userMenu.open')} data-testid="user-menu">
          <Group gap={8} wrap="nowrap">
            <Avatar color="partyRed" radius="xl" size={34}>
              {initials(me.user.displayName)}
            </Avatar>
            <Text size="sm" fw={500} visibleFrom="sm" maw={200} truncate="end">
              {me.user.displayName}
            </Text>
            <IconChevronDown size={16} />
          </Group>
        </UnstyledButton>
      </Menu.Target>
      <Menu.Dropdown>
        <Menu.Label>
          <Text size="sm" fw={600} c="dark" truncate="end">
            {me.user.displayName}
          </Text>
          <Text size="xs" c="dimmed" truncate="end">
            {me.user.username}
          </Text>
        </Menu.Label>
        <Menu.Divider />
        <Menu.Label>
          <Group gap={6}>
            <IconLanguage size={14} />
            {t('userMenu.language')}
          </Group>
        </Menu.Label>
        {(['vi', 'en'] as const).map((lang) => (
          <Menu.Item
            key={lang}
            lang={lang}
            onClick={() => void chooseLanguage(lang)}
            rightSection={i18n.language === lang ? <IconCheck size={16} /> : null}
            data-testid={`language-${lang}`}
          >
            {languageNames[lang]}
          </Menu.Item>
        ))}
        <Menu.Divider />
        <Menu.Item leftSection={<IconKey size={16} />} onClick={() => void navigate({ to: '/change-password' })}>
          {t('userMenu.changePassword')}
        </Menu.Item>
        <Menu.Item
          leftSection={<IconLogout size={16} />}
          color="red"
          onClick={() => void signOut()}
          data-testid="sign-out"
        >
          {t('userMenu.signOut')}
        </Menu.Item>
      </Menu.Dropdown>
    </Menu>
  );
}
