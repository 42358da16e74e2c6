import { useState } from 'react';
import { Select, type SelectProps } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { useTranslation } from 'react-i18next';
import { useUnit, useUnits } from './api.ts';

/**
 * Choose a unit by typing part of its name (with or without diacritics): the server searches
 * (?q=), so the picker works the same with 30 units or 10,000.
 */
export function UnitPicker({
  value,
  onChange,
  kind,
  ...props
}: Omit<SelectProps, 'data' | 'value' | 'onChange' | 'searchValue' | 'onSearchChange'> & {
  value: string | null;
  onChange: (id: string | null, name: string | null) => void;
  kind?: string;
}) {
  const { t } = useTranslation();
  const [search, setSearch] = useState('');
  const [chosenName, setChosenName] = useState<string | null>(null);
  const [q] = useDebouncedValue(search.trim(), 250);
  const selected = useUnit(value && !chosenName ? value : null);
  const selectedName = chosenName ?? selected.data?.name ?? null;
  // While the box shows the chosen unit's name, list from the top rather than searching for it.
  const query = q && q !== selectedName ? q : undefined;
  const units = useUnits({ q: query, kind, pageSize: 20 });

  const options = (units.data?.items ?? []).map((u) => ({ value: u.id, label: u.name }));
  if (value && selectedName && !options.some((o) => o.value === value)) options.unshift({ value, label: selectedName });

  return (
    <Select
      searchable
      clearable
      nothingFoundMessage={units.isFetching ? t('common.loading') : t('organisation.picker.nothing')}
      placeholder={t('organisation.picker.placeholder')}
      {...props}
      data={options}
      value={value}
      searchValue={search}
      onSearchChange={setSearch}
      filter={({ options: all }) => all}
      onChange={(id, option) => {
        setChosenName(option?.label ?? null);
        onChange(id, option?.label ?? null);
      }}
    />
  );
}
