import { Select, type SelectProps } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { Template } from './api.ts';

/** Choose a template (biểu mẫu) by its name. */
export function TemplateSelect({
  templates,
  value,
  onChange,
  ...props
}: Omit<SelectProps, 'data' | 'value' | 'onChange'> & {
  templates: Template[];
  value: string | null;
  onChange: (id: string) => void;
}) {
  const { t } = useTranslation();
  return (
    <Select
      label={t('reporting.filters.template')}
      {...props}
      data={templates.map((tpl) => ({ value: tpl.id, label: tpl.name }))}
      value={value}
      onChange={(id) => id && onChange(id)}
      allowDeselect={false}
      searchable={templates.length > 8}
      data-testid="template-select"
    />
  );
}
