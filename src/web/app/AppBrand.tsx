import { Box, Group, Text, ThemeIcon } from '@mantine/core';
import { IconStarFilled } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';

/** The name and the tagline: the signed-in frame's header, the sign-in and password screens. */
export function AppBrand({ compact = false }: { compact?: boolean }) {
  const { t } = useTranslation();
  return (
    <Group gap={10} wrap="nowrap" style={{ minWidth: 0 }}>
      <ThemeIcon color="partyRed" radius="md" size={compact ? 32 : 36}>
        <IconStarFilled size={compact ? 16 : 18} color="#ffd54f" />
      </ThemeIcon>
      <Box style={{ minWidth: 0 }}>
        <Text fw={700} size="lg" c="partyRed.8" lh={1.25}>
          Kyniem
        </Text>
        <Text size="xs" c="dimmed" lh={1.45} mt={2} truncate="end">
          {t('app.tagline')}
        </Text>
      </Box>
    </Group>
  );
}
