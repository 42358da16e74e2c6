import type { ReactNode } from 'react';
import { Button, Group, type ButtonProps } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { ErrorAlert, onlyFieldProblems } from './errors.tsx';

/**
 * The end of a form in a dialog: the server's error when some of it belongs to no field of the
 * form (field problems show beside their fields), then Cancel and the submit button.
 */
export function FormActions({
  error,
  fields,
  busy,
  onCancel,
  submitLabel,
  submitColor,
}: {
  error: unknown;
  fields: string[];
  busy: boolean;
  onCancel: () => void;
  submitLabel: ReactNode;
  submitColor?: ButtonProps['color'];
}) {
  const { t } = useTranslation();
  return (
    <>
      {error && !onlyFieldProblems(error, fields) ? <ErrorAlert error={error} /> : null}
      <Group justify="flex-end" gap="sm" mt="sm">
        <Button variant="default" onClick={onCancel}>
          {t('common.cancel')}
        </Button>
        <Button type="submit" loading={busy} color={submitColor}>
          {submitLabel}
        </Button>
      </Group>
    </>
  );
}
