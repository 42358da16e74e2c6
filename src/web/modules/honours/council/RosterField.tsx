import { useState } from 'react';
import { ActionIcon, Card, Group, Input, Select, Stack, Text } from '@mantine/core';
import { IconTrash } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { councilRoles, useCouncilCandidates, type CouncilCandidate, type CouncilRole } from './api.ts';

export type PickedMember = { userId: string; name: string; role: CouncilRole; votes: boolean };

/**
 * The roster of a session: accounts picked by name from those who may sit on the Council, each
 * with their place on it (Chủ tịch, Phó Chủ tịch, Thư ký, Ủy viên). An Office account that does not
 * vote on the Council may only be its Thư ký.
 */
export function RosterField({
  value,
  onChange,
  error,
}: {
  value: PickedMember[];
  onChange: (members: PickedMember[]) => void;
  error?: string;
}) {
  const { t } = useTranslation();
  const candidates = useCouncilCandidates();
  const [search, setSearch] = useState('');
  const picked = new Set(value.map((m) => m.userId));
  const options = (candidates.data?.items ?? [])
    .filter((c) => !picked.has(c.userId))
    .map((c) => ({
      value: c.userId,
      label: `${c.name} (${c.username})${c.votes ? '' : ` — ${t('council.open.secretaryOnly')}`}`,
    }));
  const add = (userId: string | null) => {
    const c: CouncilCandidate | undefined = candidates.data?.items.find((x) => x.userId === userId);
    setSearch('');
    if (!c) return;
    const role: CouncilRole = !c.votes ? 'secretary' : value.length === 0 ? 'chair' : 'member';
    onChange([...value, { userId: c.userId, name: c.name, role, votes: c.votes }]);
  };
  const setRole = (userId: string, role: CouncilRole) =>
    onChange(value.map((m) => (m.userId === userId ? { ...m, role } : m)));
  const roleOptions = (m: PickedMember) =>
    councilRoles.map((r) => ({ value: r, label: t(`council.roles.${r}`), disabled: !m.votes && r !== 'secretary' }));

  return (
    <Input.Wrapper label={t('council.open.roster')} description={t('council.open.rosterHint')} error={error} required>
      <Stack gap={6} mt={4}>
        {value.map((m) => (
          <Card key={m.userId} withBorder padding="xs" data-testid="roster-row" data-user={m.userId}>
            <Group gap="xs" wrap="nowrap" justify="space-between">
              <Text size="sm" style={{ minWidth: 0, overflowWrap: 'anywhere' }}>
                {m.name}
              </Text>
              <Group gap={4} wrap="nowrap">
                <Select
                  size="xs"
                  w={130}
                  data={roleOptions(m)}
                  value={m.role}
                  onChange={(r) => r && setRole(m.userId, r as CouncilRole)}
                  allowDeselect={false}
                  aria-label={t('council.open.role', { name: m.name })}
                  data-testid="roster-role"
                />
                <ActionIcon
                  variant="subtle"
                  color="red"
                  onClick={() => onChange(value.filter((x) => x.userId !== m.userId))}
                  aria-label={t('council.open.remove', { name: m.name })}
                >
                  <IconTrash size={16} />
                </ActionIcon>
              </Group>
            </Group>
          </Card>
        ))}
        <Select
          placeholder={candidates.isPending ? t('common.loading') : t('council.open.addMember')}
          data={options}
          value={null}
          onChange={add}
          searchable
          searchValue={search}
          onSearchChange={setSearch}
          nothingFoundMessage={t('council.open.noCandidates')}
          data-testid="roster-add"
          aria-label={t('council.open.addMember')}
        />
      </Stack>
    </Input.Wrapper>
  );
}
