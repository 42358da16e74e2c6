import { useEffect, useState, type FormEvent } from 'react';
import {
  Alert,
  Box,
  Button,
  Center,
  Paper,
  PasswordInput,
  SegmentedControl,
  Stack,
  Text,
  TextInput,
  Title,
} from '@mantine/core';
import { IconAlertTriangle, IconClockHour4 } from '@tabler/icons-react';
import { Navigate, useNavigate, useSearch } from '@tanstack/react-router';
import { useTranslation } from 'react-i18next';
import { ApiError } from '../../app/api.ts';
import { useAuth } from '../../app/auth.tsx';
import { AppBrand } from '../../app/AppBrand.tsx';
import { setLanguage, isLanguage } from '../../app/i18n/index.ts';
import { fieldError, useErrorText } from '../../ui/errors.tsx';

/** Counts down the seconds the server asked us to wait (429 Retry-After). */
function useCountdown(): [number, (seconds: number) => void] {
  const [until, setUntil] = useState(0);
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    if (until <= now) return;
    const timer = window.setInterval(() => setNow(Date.now()), 1000);
    return () => window.clearInterval(timer);
  }, [until, now]);
  const left = Math.max(0, Math.ceil((until - now) / 1000));
  return [
    left,
    (seconds) => {
      const at = Date.now();
      setNow(at);
      setUntil(at + seconds * 1000);
    },
  ];
}

export function SignInPage() {
  const { t, i18n } = useTranslation();
  const auth = useAuth();
  const navigate = useNavigate();
  const search = useSearch({ from: '/sign-in' });
  const errorText = useErrorText();

  const [username, setUsername] = useState('');
  const [password, setPassword] = useState('');
  const [missing, setMissing] = useState<{ username?: boolean; password?: boolean }>({});
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);
  const [wait, startWait] = useCountdown();

  if (auth.status === 'signed-in') return <Navigate to={search.redirect ?? '/'} replace />;

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    const nowMissing = { username: !username.trim(), password: !password };
    setMissing(nowMissing);
    if (nowMissing.username || nowMissing.password) return;
    setBusy(true);
    setError(null);
    try {
      await auth.signIn(username.trim(), password);
      await navigate({ to: search.redirect ?? '/', replace: true });
    } catch (err) {
      setError(err);
      setPassword('');
      if (err instanceof ApiError && err.status === 429) startWait(err.retryAfter ?? 60);
    } finally {
      setBusy(false);
    }
  };

  const tooMany = error instanceof ApiError && error.status === 429;
  const message = tooMany
    ? wait > 0
      ? t('auth.signIn.tooMany', { seconds: wait })
      : t('auth.signIn.tryAgainNow')
    : error instanceof ApiError && error.status === 401
      ? t('auth.signIn.wrongCredentials')
      : error
        ? errorText(error)
        : null;

  return (
    <Box bg="gray.0" mih="100vh" px="md" py={{ base: 'lg', sm: 60 }}>
      <Center>
        <Stack w="100%" maw={420} gap="lg">
          <Center>
            <AppBrand />
          </Center>
          <Paper
            withBorder
            shadow="sm"
            p={{ base: 'lg', sm: 'xl' }}
            radius="md"
            bg="white"
            style={{ borderTop: '3px solid var(--mantine-color-partyRed-7)' }}
          >
            <form onSubmit={(e) => void submit(e)} noValidate>
              <Stack gap="md">
                <div>
                  <Title order={1} fz={26}>
                    {t('auth.signIn.title')}
                  </Title>
                  <Text c="dimmed" size="sm" mt={4}>
                    {t('auth.signIn.intro')}
                  </Text>
                </div>
                {message ? (
                  <Alert
                    color={tooMany ? 'orange' : 'red'}
                    variant="light"
                    icon={tooMany ? <IconClockHour4 size={18} /> : <IconAlertTriangle size={18} />}
                    role="alert"
                    data-testid="sign-in-error"
                  >
                    {message}
                  </Alert>
                ) : null}
                <TextInput
                  label={t('auth.fields.username')}
                  name="username"
                  autoComplete="username"
                  autoCapitalize="none"
                  spellCheck={false}
                  value={username}
                  onChange={(e) => setUsername(e.currentTarget.value)}
                  error={
                    missing.username ? t('auth.signIn.usernameRequired') : fieldError(error, 'username', i18n.language)
                  }
                  data-autofocus
                  autoFocus
                />
                <PasswordInput
                  label={t('auth.fields.password')}
                  name="password"
                  autoComplete="current-password"
                  value={password}
                  onChange={(e) => setPassword(e.currentTarget.value)}
                  error={
                    missing.password ? t('auth.signIn.passwordRequired') : fieldError(error, 'password', i18n.language)
                  }
                />
                <Button type="submit" size="md" loading={busy} disabled={wait > 0} fullWidth>
                  {t('auth.signIn.submit')}
                </Button>
              </Stack>
            </form>
          </Paper>
          <Center>
            <SegmentedControl
              size="xs"
              value={i18n.language}
              onChange={(v) => isLanguage(v) && setLanguage(v)}
              data={[
                { value: 'vi', label: 'Tiếng Việt' },
                { value: 'en', label: 'English' },
              ]}
              aria-label={t('userMenu.language')}
            />
          </Center>
        </Stack>
      </Center>
    </Box>
  );
}
