import { Select, type SelectProps } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { periodName } from './templatePeriods.ts';

/** Choose one of a template's periods ("Tháng 8/2019"), newest first. */
export function PeriodSelect({
  periods,
  value,
  onChange,
  campaign,
  ...props
}: Omit<SelectProps, 'data' | 'value' | 'onChange'> & {
  periods: string[];
  value: string | null;
  onChange: (id: string) => void;
  campaign?: { start: string; end: string } | null;
}) {
  const { i18n } = useTranslation();
  return (
    <Select
      {...props}
      data={periods.map((p) => ({ value: p, label: periodName(p, i18n.language, campaign) }))}
      value={value}
      onChange={(id) => id && onChange(id)}
      allowDeselect={false}
      maxDropdownHeight={280}
    />
  );
}
