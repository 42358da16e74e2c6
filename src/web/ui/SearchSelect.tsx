import { useState } from 'react';
import { Select, Stack, Text, type SelectProps } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';

export type Picked = { id: string; name: string };
export type SearchOption = { id: string; name: string; detail?: string | null };

/**
 * A choice among what the server finds for the typed text (its own search, diacritics ignored):
 * the text is debounced, the server's answer is shown as is (no second filtering here), each
 * option with a dimmed detail line, and the chosen value stays listed while a new search runs.
 * `useOptions(query)` asks the server; the query is empty until something new is typed.
 */
export function SearchSelect({
  value,
  onChange,
  useOptions,
  nothingFound,
  loadingText,
  ...props
}: Omit<SelectProps, 'data' | 'value' | 'onChange' | 'searchValue' | 'onSearchChange'> & {
  value: Picked | null;
  onChange: (v: Picked | null) => void;
  useOptions: (query: string) => { options: SearchOption[]; fetching: boolean };
  nothingFound: string;
  loadingText: string;
}) {
  const [search, setSearch] = useState('');
  const [q] = useDebouncedValue(search.trim(), 250);
  const found = useOptions(q && q !== value?.name ? q : '');
  const details = new Map(found.options.map((o) => [o.id, o.detail ?? null]));
  const data = found.options.map((o) => ({ value: o.id, label: o.name }));
  if (value && !data.some((o) => o.value === value.id)) data.unshift({ value: value.id, label: value.name });
  return (
    <Select
      searchable
      clearable
      nothingFoundMessage={found.fetching ? loadingText : nothingFound}
      {...props}
      data={data}
      value={value?.id ?? null}
      searchValue={search}
      onSearchChange={setSearch}
      filter={({ options }) => options}
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
