import { Input, NumberInput, SegmentedControl, Textarea } from '@mantine/core';
import { DateInput } from '@mantine/dates';
import { useTranslation } from 'react-i18next';
import type { ValueType } from '../../../common/reportValues.ts';
import { DATE_FORMAT } from '../../app/format.ts';
import { isoOf } from '../organisation/api.ts';
import type { Entry } from './formModel.ts';

/**
 * The input of one cell of a report, by the indicator's type: a number (Vietnamese separators,
 * typed freely so a wrong value is named rather than silently cut), yes/no, a date dd/mm/yyyy, text.
 */
export function CellInput({
  type,
  label,
  description,
  required,
  value,
  onChange,
  error,
  readOnly,
  name,
}: {
  type: ValueType;
  label: string;
  description?: string;
  required: boolean;
  value: Entry | undefined;
  onChange: (entry: Entry) => void;
  error?: string;
  readOnly: boolean;
  name: string;
}) {
  const { t, i18n } = useTranslation();
  const vi = i18n.language !== 'en';
  // A read-only cell looks filled in, not waiting for input.
  const common = {
    label,
    description,
    withAsterisk: required,
    error,
    readOnly,
    variant: readOnly ? 'filled' : 'default',
    name,
    'data-testid': 'cell',
    'data-cell': name,
  } as const;
  switch (type) {
    case 'integer':
    case 'number':
    case 'percentage':
      return (
        <NumberInput
          {...common}
          value={value ?? ''}
          onChange={(v) => onChange(v === '' ? null : v)}
          decimalSeparator={vi ? ',' : '.'}
          thousandSeparator={vi ? '.' : ','}
          allowNegative={type === 'number'}
          clampBehavior="none"
          hideControls
          inputMode="decimal"
          rightSection={type === 'percentage' ? '%' : undefined}
        />
      );
    case 'boolean':
      return (
        <Input.Wrapper
          size="md"
          label={label}
          description={description}
          withAsterisk={required}
          error={error}
          data-testid="cell"
          data-cell={name}
        >
          <SegmentedControl
            fullWidth
            readOnly={readOnly}
            value={value === 1 ? '1' : value === 0 ? '0' : ''}
            onChange={(v) => onChange(v === '1' ? 1 : 0)}
            data={[
              { value: '1', label: t('reporting.form.yes') },
              { value: '0', label: t('reporting.form.no') },
            ]}
            mt={4}
            aria-label={label}
          />
        </Input.Wrapper>
      );
    case 'date':
      return (
        <DateInput
          {...common}
          value={typeof value === 'string' && value ? value : null}
          onChange={(v) => onChange(isoOf(v))}
          valueFormat={DATE_FORMAT}
          placeholder="dd/mm/yyyy"
          clearable={!readOnly}
        />
      );
    case 'text':
      return (
        <Textarea
          {...common}
          value={typeof value === 'string' ? value : value === null || value === undefined ? '' : String(value)}
          onChange={(e) => onChange(e.currentTarget.value)}
          autosize
          minRows={2}
          maxRows={8}
          maxLength={2000}
        />
      );
  }
}
