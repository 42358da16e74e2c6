import { useState } from 'react';
import { Anchor, Box, Button, Card, Group, Stack, Text, TextInput, Title } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { IconPlus, IconSearch, IconUsersPlus } from '@tabler/icons-react';
import { Link } from '@tanstack/react-router';
import { useTranslation } from 'react-i18next';
import { formatNumber } from '../../app/format.ts';
import { fold } from '../../../common/text.ts';
import { ConfirmButton } from '../../ui/ConfirmButton.tsx';
import { ErrorAlert } from '../../ui/errors.tsx';
import { UnitMultiPicker, type PickedUnit } from '../organisation/UnitMultiPicker.tsx';
import { allGrassrootsUnits, useChangeParticipants, type DriveDetail } from './api.ts';

/** Managers add units by name or every grassroots organisation at once. */
function AddParticipants({ drive }: { drive: DriveDetail }) {
  const { t } = useTranslation();
  const change = useChangeParticipants(drive.id);
  const [picked, setPicked] = useState<PickedUnit[]>([]);
  const [loadingAll, setLoadingAll] = useState(false);
  const [allError, setAllError] = useState<unknown>(null);
  const add = (ids: string[]) =>
    change.mutate(
      { add: ids },
      {
        onSuccess: (after) => {
          setPicked([]);
          notifications.show({
            color: 'green',
            message: t('emulation.participants.added', { n: after.participantCount - drive.participantCount }),
          });
        },
      },
    );
  const addAll = async () => {
    setAllError(null);
    setLoadingAll(true);
    try {
      add((await allGrassrootsUnits(drive.start)).map((u) => u.id));
    } catch (e) {
      setAllError(e);
    } finally {
      setLoadingAll(false);
    }
  };
  return (
    <Card bg="white" withBorder data-testid="participants-add">
      <Stack gap="xs">
        <Group align="flex-end" gap="sm" wrap="wrap">
          <UnitMultiPicker
            label={t('emulation.participants.addLabel')}
            value={picked}
            onChange={(units) => {
              setPicked(units);
              change.reset();
            }}
            style={{ flex: '1 1 260px', minWidth: 0 }}
          />
          <Button
            leftSection={<IconPlus size={16} />}
            disabled={!picked.length}
            loading={change.isPending && !loadingAll}
            onClick={() => add(picked.map((u) => u.id))}
            data-testid="participants-add-submit"
          >
            {t('emulation.participants.add')}
          </Button>
        </Group>
        <Group gap="xs">
          <Button
            variant="light"
            leftSection={<IconUsersPlus size={16} />}
            loading={loadingAll}
            onClick={() => void addAll()}
            data-testid="participants-add-all"
          >
            {t('emulation.participants.addAll')}
          </Button>
        </Group>
        <ErrorAlert error={change.error ?? allError} />
      </Stack>
    </Card>
  );
}

/** Who takes part: the list (searchable), and for managers adding and removing units while the drive is open. */
export function ParticipantsTab({ drive, manage }: { drive: DriveDetail; manage: boolean }) {
  const { t, i18n } = useTranslation();
  const lang = i18n.language;
  const [q, setQ] = useState('');
  const change = useChangeParticipants(drive.id);
  const editable = manage && drive.status === 'open';
  const term = fold(q.trim());
  const shown = term
    ? drive.participants.filter((p) => fold(`${p.name} ${p.shortName ?? ''}`).includes(term))
    : drive.participants;

  return (
    <Stack gap="md" data-testid="drive-participants">
      {editable ? <AddParticipants drive={drive} /> : null}
      <Card bg="white" withBorder>
        <Group justify="space-between" mb="sm" gap="sm" wrap="wrap">
          <Title order={3} fz="md">
            {t('emulation.participants.title', { n: formatNumber(drive.participantCount, lang) })}
          </Title>
          {drive.participants.length > 8 ? (
            <TextInput
              size="xs"
              leftSection={<IconSearch size={14} />}
              placeholder={t('emulation.participants.search')}
              aria-label={t('emulation.participants.search')}
              value={q}
              onChange={(e) => setQ(e.currentTarget.value)}
              w={{ base: '100%', xs: 260 }}
            />
          ) : null}
        </Group>
        <ErrorAlert error={change.error} />
        {drive.participantCount === 0 ? (
          <Text size="sm" c="dimmed">
            {editable ? t('emulation.participants.emptyManage') : t('emulation.participants.empty')}
          </Text>
        ) : null}
        {term && shown.length === 0 ? (
          <Text size="sm" c="dimmed">
            {t('emulation.participants.noMatch')}
          </Text>
        ) : null}
        <Stack gap={0}>
          {shown.map((p) => (
            <Group
              key={p.id}
              justify="space-between"
              wrap="nowrap"
              gap="xs"
              py={6}
              style={{ borderBottom: '1px solid var(--mantine-color-gray-2)' }}
              data-testid="participant-row"
              data-unit={p.name}
            >
              <Box style={{ minWidth: 0 }}>
                <Anchor
                  renderRoot={(props) => <Link {...props} to="/units/$unitId" params={{ unitId: p.id }} />}
                  size="sm"
                >
                  {p.name}
                </Anchor>
              </Box>
              {editable ? (
                <ConfirmButton
                  size="compact-xs"
                  variant="subtle"
                  color="red"
                  question={t('emulation.participants.removeQuestion', { unit: p.name })}
                  confirmLabel={t('emulation.participants.remove')}
                  onConfirm={() => change.mutate({ remove: [p.id] })}
                  data-testid="participant-remove"
                >
                  {t('emulation.participants.remove')}
                </ConfirmButton>
              ) : null}
            </Group>
          ))}
        </Stack>
        {drive.participantCount > drive.participants.length ? (
          <Text size="xs" c="dimmed" mt="xs">
            {t('emulation.participants.truncated', {
              shown: formatNumber(drive.participants.length, lang),
              total: formatNumber(drive.participantCount, lang),
            })}
          </Text>
        ) : null}
      </Card>
    </Stack>
  );
}
