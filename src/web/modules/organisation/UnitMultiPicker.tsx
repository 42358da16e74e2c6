import { useState } from 'react';
import { MultiSelect, type MultiSelectProps } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { useTranslation } from 'react-i18next';
import { useUnits } from './api.ts';

export type PickedUnit = { id: string; name: string };

/**
 * Choose several units by typing part of their names (with or without diacritics): the server
 * searches (?q=), so it works the same with 30 units or 10,000. The chosen units come with their
 * names, so the pills read right without asking the server again.
 */
export function UnitMultiPicker({
  value,
  onChange,
  kind,
  ...props
}: Omit<MultiSelectProps, 'data' | 'value' | 'onChange' | 'searchValue' | 'onSearchChange'> & {
  value: PickedUnit[];
  onChange: (units: PickedUnit[]) => void;
  kind?: string;
}) {
  const { t } = useTranslation();
  const [search, setSearch] = useState('');
  const [q] = useDebouncedValue(search.trim(), 250);
  const units = useUnits({ q: q || undefined, kind, pageSize: 20 });

  const known = new Map<string, string>(value.map((u) => [u.id, u.name]));
  for (const u of units.data?.items ?? []) if (!known.has(u.id)) known.set(u.id, u.name);
  const found = (units.data?.items ?? []).map((u) => ({ value: u.id, label: u.name }));
  const chosen = value.filter((u) => !found.some((o) => o.value === u.id)).map((u) => ({ value: u.id, label: u.name }));

  return (
    <MultiSelect
      searchable
      hidePickedOptions
      nothingFoundMessage={units.isFetching ? t('common.loading') : t('organisation.picker.nothing')}
      placeholder={value.length ? undefined : t('organisation.picker.placeholder')}
      {...props}
      data={[...chosen, ...found]}
      value={value.map((u) => u.id)}
      searchValue={search}
      onSearchChange={setSearch}
      filter={({ options }) => options}
      onChange={(ids) => onChange(ids.map((id) => ({ id, name: known.get(id) ?? id })))}
    />
  );
}
