import { useState } from 'react';
import { ActionIcon, Badge, Box, Button, Group, Loader, Text } from '@mantine/core';
import { IconChevronDown, IconChevronRight, IconPoint } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { UnitLink } from './links.tsx';
import { formatDate } from '../../app/format.ts';
import { ErrorAlert } from '../../ui/errors.tsx';
import { useKindLabel, useUnits, type UnitSummary } from './api.ts';

const CHILD_PAGE = 100;

type TreeView = { asOf?: string; includeEnded?: boolean };

export function EndedBadge({ unit }: { unit: Pick<UnitSummary, 'validTo'> }) {
  const { t } = useTranslation();
  if (!unit.validTo) return null;
  return (
    <Badge color="gray" variant="light" size="sm" tt="none">
      {t('organisation.unit.endedOn', { date: formatDate(unit.validTo) })}
    </Badge>
  );
}

function TreeRow({ unit, level, view }: { unit: UnitSummary; level: number; view: TreeView }) {
  const { t, i18n } = useTranslation();
  const kindLabel = useKindLabel();
  const [open, setOpen] = useState(level === 0 && unit.kind === 'bloc');
  const hasChildren = unit.childCount > 0;
  return (
    <>
      <Group
        gap={6}
        wrap="nowrap"
        align="flex-start"
        py={6}
        pl={Math.min(level, 6) * 18}
        style={{ borderBottom: '1px solid var(--mantine-color-gray-2)' }}
        data-testid="tree-row"
      >
        {hasChildren ? (
          <ActionIcon
            variant="subtle"
            color="gray"
            size="md"
            onClick={() => setOpen((o) => !o)}
            aria-expanded={open}
            aria-label={
              open
                ? t('organisation.tree.collapse', { name: unit.name })
                : t('organisation.tree.expand', { name: unit.name })
            }
          >
            {open ? <IconChevronDown size={18} /> : <IconChevronRight size={18} />}
          </ActionIcon>
        ) : (
          <Box w={28} h={28} style={{ display: 'flex', alignItems: 'center', justifyContent: 'center', flexShrink: 0 }}>
            <IconPoint size={14} color="var(--mantine-color-gray-5)" />
          </Box>
        )}
        <Box style={{ minWidth: 0, flex: 1 }} pt={3}>
          <UnitLink id={unit.id} fw={level === 0 ? 600 : 500} size="sm" c="dark.8" style={{ overflowWrap: 'anywhere' }}>
            {unit.name}
          </UnitLink>
          <Group gap={6} mt={2} wrap="wrap">
            <Text size="xs" c="dimmed">
              {[
                kindLabel(unit.kind, i18n.language),
                unit.shortName,
                hasChildren ? t('organisation.tree.children', { count: unit.childCount }) : null,
              ]
                .filter(Boolean)
                .join(' · ')}
            </Text>
            <EndedBadge unit={unit} />
          </Group>
        </Box>
      </Group>
      {open && hasChildren ? <Children parentId={unit.id} level={level + 1} view={view} /> : null}
    </>
  );
}

/** One level of the tree, fetched when its parent opens, a page at a time. */
function ChildPage({
  parentId,
  level,
  view,
  page,
  last,
  onMore,
}: {
  parentId: string;
  level: number;
  view: TreeView;
  page: number;
  last: boolean;
  onMore: () => void;
}) {
  const { t } = useTranslation();
  const units = useUnits({ parentId, asOf: view.asOf, includeEnded: view.includeEnded, page, pageSize: CHILD_PAGE });
  if (units.isPending) {
    return (
      <Group pl={Math.min(level, 6) * 18 + 34} py={6}>
        <Loader size="xs" color="partyRed" />
      </Group>
    );
  }
  if (units.error) return <ErrorAlert error={units.error} />;
  const data = units.data;
  const more = last && data.page * data.pageSize < data.total;
  return (
    <>
      {data.items.map((u) => (
        <TreeRow key={u.id} unit={u} level={level} view={view} />
      ))}
      {more ? (
        <Box pl={Math.min(level, 6) * 18 + 34} py={4}>
          <Button variant="subtle" size="xs" onClick={onMore}>
            {t('organisation.tree.more', { count: data.total - data.page * data.pageSize })}
          </Button>
        </Box>
      ) : null}
    </>
  );
}

function Children({ parentId, level, view }: { parentId: string; level: number; view: TreeView }) {
  const [pages, setPages] = useState(1);
  return (
    <>
      {Array.from({ length: pages }, (_, i) => (
        <ChildPage
          key={i}
          parentId={parentId}
          level={level}
          view={view}
          page={i + 1}
          last={i + 1 === pages}
          onMore={() => setPages((p) => p + 1)}
        />
      ))}
    </>
  );
}

/** The unit tree from its roots, each level loaded only when opened (never the whole tree). */
export function UnitTree({ asOf, includeEnded }: TreeView) {
  const view = { asOf, includeEnded };
  return (
    <Box data-testid="unit-tree">
      <Children key={`${asOf ?? ''}|${includeEnded ? 1 : 0}`} parentId="none" level={0} view={view} />
    </Box>
  );
}
