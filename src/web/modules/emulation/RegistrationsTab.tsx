import { Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { DriveDetail } from './api.ts';
import { MyRegistration } from './MyRegistration.tsx';
import { ReviewList } from './ReviewList.tsx';

/**
 * The Bloc reviews every registration; a unit officer registers their own unit's targets. Others
 * see no registration (the server shows them to the Bloc and to the units), only the counts.
 */
export function RegistrationsTab({
  drive,
  manage,
  myUnitIds,
}: {
  drive: DriveDetail;
  manage: boolean;
  myUnitIds: string[];
}) {
  const { t } = useTranslation();
  if (manage) return <ReviewList drive={drive} />;
  if (myUnitIds.length) return <MyRegistration drive={drive} myUnitIds={myUnitIds} />;
  return (
    <Text size="sm" c="dimmed" data-testid="registrations-readonly">
      {t('emulation.register.readOnly')}
    </Text>
  );
}
