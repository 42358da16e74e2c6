import { Alert, Box, Button, Center, Paper, Stack, Text, Title } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { IconShieldLock } from '@tabler/icons-react';
import { useNavigate } from '@tanstack/react-router';
import { useTranslation } from 'react-i18next';
import { useAuth, useMe } from '../../app/auth.tsx';
import { AppBrand } from '../../app/AppBrand.tsx';
import { PageHeader } from '../../ui/PageHeader.tsx';
import { ChangePasswordForm } from './ChangePasswordForm.tsx';

/** The user changes their own password from the user menu. */
export function ChangePasswordPage() {
  const { t } = useTranslation();
  const me = useMe();
  const navigate = useNavigate();
  return (
    <>
      <PageHeader
        title={t('auth.changePassword.title')}
        description={t('auth.changePassword.intro', { username: me.user.username })}
      />
      <Paper withBorder p={{ base: 'md', sm: 'xl' }} maw={520} bg="white">
        <ChangePasswordForm
          onDone={async () => {
            notifications.show({ color: 'green', message: t('auth.changePassword.done') });
            await navigate({ to: '/' });
          }}
        />
      </Paper>
    </>
  );
}

/** Shown instead of every screen while the user must replace a password someone else set. */
export function ForcedChangePasswordPage() {
  const { t } = useTranslation();
  const auth = useAuth();
  const me = useMe();
  const navigate = useNavigate();
  return (
    <Box bg="gray.0" mih="100vh" px="md" py={{ base: 'lg', sm: 60 }}>
      <Center>
        <Stack w="100%" maw={480} gap="lg">
          <Center>
            <AppBrand />
          </Center>
          <Paper withBorder shadow="sm" p={{ base: 'lg', sm: 'xl' }} bg="white">
            <Stack gap="md">
              <Title order={1} fz={24}>
                {t('auth.forced.title')}
              </Title>
              <Alert color="partyRed" variant="light" icon={<IconShieldLock size={18} />}>
                {t('auth.forced.body', { name: me.user.displayName })}
              </Alert>
              <ChangePasswordForm
                onDone={async () => {
                  await auth.refresh();
                  notifications.show({ color: 'green', message: t('auth.changePassword.done') });
                  await navigate({ to: '/' });
                }}
                extraActions={
                  <Button
                    variant="subtle"
                    color="gray"
                    onClick={() => void auth.signOut().then(() => navigate({ to: '/sign-in', search: {} }))}
                  >
                    {t('userMenu.signOut')}
                  </Button>
                }
              />
              <Text size="xs" c="dimmed">
                {t('auth.forced.note')}
              </Text>
            </Stack>
          </Paper>
        </Stack>
      </Center>
    </Box>
  );
}
