import { Center, Loader } from '@mantine/core';
import { useTranslation } from 'react-i18next';

export function CenterLoader({ fullPage = false }: { fullPage?: boolean }) {
  const { t } = useTranslation();
  return (
    <Center h={fullPage ? '100vh' : 200} aria-busy="true" aria-label={t('common.loading')}>
      <Loader color="partyRed" />
    </Center>
  );
}
