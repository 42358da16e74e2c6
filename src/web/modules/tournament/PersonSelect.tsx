import { useState } from 'react';
import { Select, Stack, Text, type SelectProps } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { useTranslation } from 'react-i18next';
import { usePeople } from '../organisation/api.ts';

export type Picked = { id: string; name: string };

/**
 * Choose a person of the unit by typing part of the name: the people search of the registry
 * (GET /api/people, within the unit), as the organisation screens use it. The server still
 * decides whether the person may play for the unit and says why not.
 */
export function PersonSelect({
  unitId,
  value,
  onChange,
  ...props
}: Omit<SelectProps, 'data' | 'value' | 'onChange' | 'searchValue' | 'onSearchChange'> & {
  unitId: string | null;
  value: Picked | null;
  onChange: (v: Picked | null) => void;
}) {
  const { t } = useTranslation();
  const [search, setSearch] = useState('');
  const [q] = useDebouncedValue(search.trim(), 250);
  const query = q && q !== value?.name ? q : '';
  const found = usePeople({ q: query || undefined, unitId, page: 1 });
  const items = found.data?.items ?? [];
  const details = new Map(
    items.map((p) => [p.id, [p.birthYear, p.titles[0]].filter((x) => x !== null && x !== undefined).join(' · ')]),
  );
  const options = items.map((p) => ({ value: p.id, label: p.fullName }));
  if (value && !options.some((o) => o.value === value.id)) options.unshift({ value: value.id, label: value.name });
  return (
    <Select
      searchable
      clearable
      nothingFoundMessage={found.isFetching ? t('common.loading') : t('tournament.entry.nobody')}
      placeholder={t('tournament.entry.searchPlaceholder')}
      disabled={!unitId}
      {...props}
      data={options}
      value={value?.id ?? null}
      searchValue={search}
      onSearchChange={setSearch}
      filter={({ options: all }) => all}
      renderOption={({ option }) => (
        <Stack gap={0}>
          <Text size="sm">{option.label}</Text>
          {details.get(option.value) ? (
            <Text size="xs" c="dimmed">
              {details.get(option.value)}
            </Text>
          ) : null}
        </Stack>
      )}
      onChange={(id) => onChange(id ? { id, name: options.find((o) => o.value === id)?.label ?? id } : null)}
    />
  );
}
