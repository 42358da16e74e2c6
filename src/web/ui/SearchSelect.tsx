import { useEffect, useState } from 'react';
import { Select, Stack, Text, type SelectProps } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';

export type Picked = { id: string; name: string };
export type SearchOption = { id: string; name: string; detail?: string | null };

/**
 * A choice among what the server finds for the typed text (its own search, diacritics ignored):
 * the text is debounced, the server's answer is shown as is (no second filtering here), each
 * option with a dimmed detail line, and the chosen value stays listed while a new search runs.
 * The caller asks the server with the query `onQueryChange` gives it (empty until something new
 * is typed) and passes what came back as `options`.
 */
export function SearchSelect({
  value,
  onChange,
  options,
  fetching,
  onQueryChange,
  nothingFound,
  loadingText,
  ...props
}: Omit<SelectProps, 'data' | 'value' | 'onChange' | 'searchValue' | 'onSearchChange'> & {
  value: Picked | null;
  onChange: (v: Picked | null) => void;
  options: SearchOption[];
  fetching: boolean;
  onQueryChange: (query: string) => void;
  nothingFound: string;
  loadingText: string;
}) {
  const [search, setSearch] = useState('');
  const [q] = useDebouncedValue(search.trim(), 250);
  const query = q && q !== value?.name ? q : '';
  useEffect(() => onQueryChange(query), [query, onQueryChange]);
  const details = new Map(options.map((o) => [o.id, o.detail ?? null]));
  const data = options.map((o) => ({ value: o.id, label: o.name }));
  if (value && !data.some((o) => o.value === value.id)) data.unshift({ value: value.id, label: value.name });
  return (
    <Select
      searchable
      clearable
      nothingFoundMessage={fetching ? loadingText : nothingFound}
      {...props}
      data={data}
      value={value?.id ?? null}
      searchValue={search}
      onSearchChange={setSearch}
      filter={({ options: found }) => found}
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
      onChange={(id, option) => onChange(id && option ? { id, name: option.label } : null)}
    />
  );
}
