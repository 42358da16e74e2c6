import { ActionIcon, Alert, Code, CopyButton, Group, Text, Tooltip } from '@mantine/core';
import { IconCheck, IconCopy, IconKey } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';

/** A generated password, shown this one time only, with a button to copy it. */
export function PasswordOnce({ password, username }: { password: string; username: string }) {
  const { t } = useTranslation();
  return (
    <Alert color="yellow" variant="light" icon={<IconKey size={18} />} title={t('accounts.passwordOnce.title')}>
      <Text size="sm" mb="xs">
        {t('accounts.passwordOnce.body', { username })}
      </Text>
      <Group gap="xs" wrap="nowrap">
        <Code fz="lg" data-testid="generated-password" style={{ wordBreak: 'break-all' }}>
          {password}
        </Code>
        <CopyButton value={password}>
          {({ copied, copy }) => (
            <Tooltip label={copied ? t('common.copied') : t('common.copy')} withArrow>
              <ActionIcon variant="subtle" onClick={copy} aria-label={t('common.copy')}>
                {copied ? <IconCheck size={18} /> : <IconCopy size={18} />}
              </ActionIcon>
            </Tooltip>
          )}
        </CopyButton>
      </Group>
    </Alert>
  );
}
