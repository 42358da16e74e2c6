import { useState } from 'react';
import {
  ActionIcon,
  Box,
  Button,
  Checkbox,
  Group,
  Paper,
  Select,
  SimpleGrid,
  Stack,
  Table,
  Text,
  Title,
  Tooltip,
} from '@mantine/core';
import { useMediaQuery } from '@mantine/hooks';
import { notifications } from '@mantine/notifications';
import { IconCheck, IconX } from '@tabler/icons-react';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { UnitLink, PersonLink } from './links.tsx';
import type { InChargeInput } from '../../../server/modules/organisation/schema.ts';
import { api } from '../../app/api.ts';
import { useAuth } from '../../app/auth.tsx';
import { CenterLoader } from '../../ui/CenterLoader.tsx';
import { ErrorAlert } from '../../ui/errors.tsx';
import { NoPermission } from '../../ui/NoPermission.tsx';
import { PageHeader } from '../../ui/PageHeader.tsx';
import {
  useInCharge,
  useInvalidateOrganisation,
  type InCharge,
  type PersonPage,
  type UnitPage,
  type UnitSummary,
} from './api.ts';

type Member = { id: string; fullName: string; titles: string[] };

/** The grassroots units and the Standing/Executive Committee members who may be put in charge of them. */
function useMatrixAxes() {
  return useQuery({
    queryKey: ['organisation', 'in-charge-axes'],
    queryFn: async ({ signal }) => {
      const units = async (kind: string) =>
        (await api<UnitPage>('/api/units', { query: { kind, pageSize: 500 }, signal })).items;
      const [committees, cells, executive, standing] = await Promise.all([
        units('grassroots_committee'),
        units('grassroots_cell'),
        units('executive_committee'),
        units('standing_committee'),
      ]);
      const members = new Map<string, Member>();
      for (const c of [...standing, ...executive]) {
        const page = await api<PersonPage>('/api/people', {
          query: { unitId: c.id, pageSize: 500 },
          signal,
        });
        for (const p of page.items)
          if (!members.has(p.id)) members.set(p.id, { id: p.id, fullName: p.fullName, titles: p.titles });
      }
      const collator = new Intl.Collator('vi', { numeric: true });
      const grassroots: UnitSummary[] = [...committees, ...cells].sort((a, b) => collator.compare(a.name, b.name));
      return { grassroots, members: [...members.values()] };
    },
  });
}

export function InChargePage() {
  const { t } = useTranslation();
  const auth = useAuth();
  const phone = useMediaQuery('(max-width: 48em)');
  const assignments = useInCharge();
  const axes = useMatrixAxes();
  const invalidate = useInvalidateOrganisation();
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState<string | null>(null);
  const [addMember, setAddMember] = useState<string | null>(null);
  const [addUnit, setAddUnit] = useState<string | null>(null);

  if (!auth.can('organisation.read')) return <NoPermission />;
  const canManage = auth.can('organisation.manage');
  const items = assignments.data?.items ?? [];
  const find = (personId: string, unitId: string) => items.find((a) => a.personId === personId && a.unitId === unitId);

  const assign = async (personId: string, unitId: string) => {
    setBusy(`${personId}|${unitId}`);
    setError(null);
    try {
      await api('/api/in-charge', { method: 'POST', body: { personId, unitId } satisfies InChargeInput });
      await invalidate();
      notifications.show({ color: 'green', message: t('organisation.inCharge.assigned') });
      return true;
    } catch (err) {
      setError(err);
      return false;
    } finally {
      setBusy(null);
    }
  };
  const remove = async (a: InCharge) => {
    setBusy(`${a.personId}|${a.unitId}`);
    setError(null);
    try {
      await api(`/api/in-charge/${a.id}`, { method: 'DELETE' });
      await invalidate();
      notifications.show({ color: 'green', message: t('organisation.inCharge.removed') });
    } catch (err) {
      setError(err);
    } finally {
      setBusy(null);
    }
  };

  const members = axes.data?.members ?? [];
  const grassroots = axes.data?.grassroots ?? [];
  // Members with assignments first, each group in the order the server gave.
  const byMember = new Map<string, { name: string; titles: string[]; items: InCharge[] }>();
  for (const a of items) {
    const g = byMember.get(a.personId) ?? { name: a.fullName, titles: a.titles, items: [] };
    g.items.push(a);
    byMember.set(a.personId, g);
  }
  const unassigned = grassroots.filter((u) => !items.some((a) => a.unitId === u.id));

  return (
    <>
      <PageHeader title={t('organisation.inCharge.title')} description={t('organisation.inCharge.intro')} />
      {assignments.isPending || axes.isPending ? <CenterLoader /> : null}
      <ErrorAlert error={assignments.error ?? axes.error} />
      {error ? (
        <Box mb="md">
          <ErrorAlert error={error} />
        </Box>
      ) : null}
      {canManage && axes.data ? (
        <Paper withBorder p={{ base: 'sm', sm: 'md' }} bg="white" mb="md">
          <Title order={3} fz="md" mb="sm">
            {t('organisation.inCharge.add')}
          </Title>
          <SimpleGrid cols={{ base: 1, sm: 3 }} spacing="sm">
            <Select
              label={t('organisation.inCharge.member')}
              data={members.map((m) => ({ value: m.id, label: m.fullName }))}
              value={addMember}
              onChange={setAddMember}
              searchable
            />
            <Select
              label={t('organisation.inCharge.unit')}
              data={grassroots.map((u) => ({ value: u.id, label: u.name }))}
              value={addUnit}
              onChange={setAddUnit}
              searchable
            />
            <Button
              mt={{ base: 0, sm: 25 }}
              disabled={!addMember || !addUnit}
              loading={busy !== null && busy === `${addMember}|${addUnit}`}
              onClick={() => {
                if (addMember && addUnit) void assign(addMember, addUnit).then((ok) => ok && setAddUnit(null));
              }}
            >
              {t('organisation.inCharge.assign')}
            </Button>
          </SimpleGrid>
        </Paper>
      ) : null}

      {axes.data && assignments.data && !phone ? (
        <Paper withBorder bg="white" p="md" data-testid="in-charge-matrix">
          <Table.ScrollContainer minWidth={300 + members.length * 96} maxHeight={640}>
            <Table withColumnBorders striped highlightOnHover stickyHeader verticalSpacing={6}>
              <Table.Thead>
                <Table.Tr>
                  <Table.Th style={{ minWidth: 260 }}>{t('organisation.inCharge.unit')}</Table.Th>
                  {members.map((m) => (
                    <Table.Th key={m.id} style={{ width: 96, verticalAlign: 'bottom' }}>
                      <PersonLink id={m.id} size="xs" fw={600} style={{ display: 'block', lineHeight: 1.3 }}>
                        {m.fullName}
                      </PersonLink>
                    </Table.Th>
                  ))}
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {grassroots.map((u) => (
                  <Table.Tr key={u.id}>
                    <Table.Td>
                      <UnitLink id={u.id} size="sm">
                        {u.name}
                      </UnitLink>
                    </Table.Td>
                    {members.map((m) => {
                      const a = find(m.id, u.id);
                      const label = t('organisation.inCharge.cell', { member: m.fullName, unit: u.name });
                      return (
                        <Table.Td key={m.id} ta="center">
                          {canManage ? (
                            <Checkbox
                              aria-label={label}
                              checked={!!a}
                              disabled={busy !== null}
                              onChange={() => void (a ? remove(a) : assign(m.id, u.id))}
                              style={{ display: 'inline-block' }}
                            />
                          ) : a ? (
                            <IconCheck size={18} color="var(--mantine-color-partyRed-7)" aria-label={label} />
                          ) : null}
                        </Table.Td>
                      );
                    })}
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </Table.ScrollContainer>
        </Paper>
      ) : null}

      {axes.data && assignments.data && phone ? (
        <Stack gap="sm" data-testid="in-charge-list">
          {[...byMember.entries()].map(([personId, g]) => (
            <Paper key={personId} withBorder p="sm" bg="white">
              <PersonLink id={personId} fw={600}>
                {g.name}
              </PersonLink>
              <Text size="xs" c="dimmed" mb="xs">
                {g.titles.join('; ')}
              </Text>
              <Stack gap={4}>
                {g.items.map((a) => (
                  <Group key={a.id} justify="space-between" wrap="nowrap" gap="xs">
                    <UnitLink id={a.unitId} size="sm" style={{ minWidth: 0 }}>
                      {a.unitName}
                    </UnitLink>
                    {canManage ? (
                      <Tooltip label={t('organisation.inCharge.remove')}>
                        <ActionIcon
                          variant="subtle"
                          color="gray"
                          onClick={() => void remove(a)}
                          aria-label={t('organisation.inCharge.removeOne', { unit: a.unitName })}
                          disabled={busy !== null}
                        >
                          <IconX size={16} />
                        </ActionIcon>
                      </Tooltip>
                    ) : null}
                  </Group>
                ))}
              </Stack>
            </Paper>
          ))}
        </Stack>
      ) : null}

      {axes.data && unassigned.length > 0 ? (
        <Paper withBorder p={{ base: 'sm', sm: 'md' }} bg="white" mt="md">
          <Title order={3} fz="md" mb="xs">
            {t('organisation.inCharge.unassigned', { count: unassigned.length })}
          </Title>
          <Stack gap={2}>
            {unassigned.map((u) => (
              <UnitLink key={u.id} id={u.id} size="sm">
                {u.name}
              </UnitLink>
            ))}
          </Stack>
        </Paper>
      ) : null}
    </>
  );
}
