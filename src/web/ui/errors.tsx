import { Alert } from '@mantine/core';
import { IconAlertTriangle } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { ApiError } from '../app/api.ts';

/** Turns anything thrown into a sentence in the reader's language. */
export function useErrorText() {
  const { t, i18n } = useTranslation();
  return (error: unknown): string => {
    if (error instanceof ApiError) return error.text(i18n.language);
    return t('errors.unexpected');
  };
}

/** The message the server gave a field, by its dotted path ("grants.0.unitId"). */
export function fieldError(error: unknown, path: string, lang: string): string | undefined {
  if (!(error instanceof ApiError)) return undefined;
  return error.fieldErrors(lang)[path];
}

/** Whether every problem of the error is shown beside a field of the form. */
export function onlyFieldProblems(error: unknown, fields: string[]): boolean {
  return error instanceof ApiError && error.details.length > 0 && error.details.every((d) => fields.includes(d.path));
}

export function ErrorAlert({ error, title }: { error: unknown; title?: string }) {
  const text = useErrorText();
  if (!error) return null;
  return (
    <Alert color="red" variant="light" icon={<IconAlertTriangle size={18} />} title={title} role="alert">
      {text(error)}
    </Alert>
  );
}
