import { useState } from 'react';
import type { SelectProps } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { type Picked, SearchSelect } from '../../ui/SearchSelect.tsx';
import { usePeople } from '../organisation/api.ts';

export type { Picked };

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
  const [query, setQuery] = useState('');
  const found = usePeople({ q: query || undefined, unitId, page: 1 });
  const options = (found.data?.items ?? []).map((p) => ({
    id: p.id,
    name: p.fullName,
    detail: [p.birthYear, p.titles[0]].filter((x) => x !== null && x !== undefined).join(' · '),
  }));
  return (
    <SearchSelect
      placeholder={t('tournament.entry.searchPlaceholder')}
      disabled={!unitId}
      {...props}
      value={value}
      onChange={onChange}
      options={options}
      fetching={found.isFetching}
      onQueryChange={setQuery}
      nothingFound={t('tournament.entry.nobody')}
      loadingText={t('common.loading')}
    />
  );
}
