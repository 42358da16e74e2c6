import { Badge, Button, Card, Group, SegmentedControl, Stack, Text, Title } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { IconChecks } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { useErrorText } from '../../../ui/errors.tsx';
import { useSetAttendance, type Attendance, type Session } from './api.ts';
import { QuorumLine } from './shared.tsx';

const attendanceColors: Record<Attendance, string> = { present: 'green', absent: 'gray', unknown: 'yellow' };

/** The roster with each member's place and attendance; the secretary marks who is present, and the quorum follows. */
export function AttendanceCard({ session }: { session: Session }) {
  const { t } = useTranslation();
  const errorText = useErrorText();
  const attendance = useSetAttendance(session.id);
  const run = session.may.run;
  const mark = (list: { userId: string; attendance: 'present' | 'absent' }[]) =>
    attendance.mutate(list, { onError: (e) => notifications.show({ color: 'red', message: errorText(e) }) });
  const unmarked = session.roster.filter((m) => m.attendance === 'unknown');

  return (
    <Card withBorder bg="white" data-testid="attendance">
      <Stack gap="sm">
        <Group justify="space-between" gap="xs">
          <Title order={3} fz="md">
            {t('council.attendance.title', { count: session.roster.length })}
          </Title>
          {run && unmarked.length ? (
            <Button
              size="xs"
              variant="light"
              leftSection={<IconChecks size={14} />}
              loading={attendance.isPending}
              onClick={() => mark(unmarked.map((m) => ({ userId: m.userId, attendance: 'present' })))}
              data-testid="all-present"
            >
              {t('council.attendance.allPresent')}
            </Button>
          ) : null}
        </Group>
        <QuorumLine quorum={session.quorum} />
        <Stack gap={6}>
          {session.roster.map((m) => (
            <Group
              key={m.userId}
              justify="space-between"
              gap="xs"
              wrap="wrap"
              data-testid="roster-member"
              data-user={m.userId}
              data-attendance={m.attendance}
            >
              <Stack gap={0} style={{ minWidth: 0, flex: '1 1 160px' }}>
                <Text size="sm" fw={500} style={{ overflowWrap: 'anywhere' }}>
                  {m.name}
                  {session.me?.userId === m.userId ? ` (${t('council.attendance.you')})` : ''}
                </Text>
                <Text size="xs" c="dimmed" data-votes={m.votes ? 'yes' : 'no'}>
                  {t(`council.roles.${m.role}`)}
                  {m.votes ? '' : ` · ${t('council.attendance.noVote')}`}
                </Text>
              </Stack>
              {run ? (
                <SegmentedControl
                  size="xs"
                  value={m.attendance === 'unknown' ? '' : m.attendance}
                  data={[
                    { value: 'present', label: t('council.attendance.present') },
                    { value: 'absent', label: t('council.attendance.absent') },
                  ]}
                  onChange={(v) => mark([{ userId: m.userId, attendance: v as 'present' | 'absent' }])}
                  disabled={attendance.isPending}
                  color={m.attendance === 'present' ? 'green' : 'gray'}
                  aria-label={t('council.attendance.of', { name: m.name })}
                />
              ) : (
                <Badge color={attendanceColors[m.attendance]} variant="light" radius="sm" tt="none">
                  {t(`council.attendance.${m.attendance}`)}
                </Badge>
              )}
            </Group>
          ))}
        </Stack>
      </Stack>
    </Card>
  );
}
