import { Card, SimpleGrid, Stack, TextInput, Textarea, Title } from '@mantine/core';
import { DateInput } from '@mantine/dates';
import { useTranslation } from 'react-i18next';
import { DATE_FORMAT } from '../../app/format.ts';
import { isoOf } from '../organisation/api.ts';
import type { EditedHeader } from './importModel.ts';

type Props = {
  header: EditedHeader;
  onChange: (change: Partial<EditedHeader>, paths: string[]) => void;
  /** messages by field path, as the server names them ("header.title", "periodDue") */
  problems: Record<string, string>;
};

/** Where a message for a list ("recipients.3") is shown: on the whole list's field. */
const firstUnder = (problems: Record<string, string>, prefix: string) =>
  Object.entries(problems).find(([k]) => k === prefix || k.startsWith(`${prefix}.`))?.[1];

/** The drafted header of the plan, the period, then the recipients and the signer: all editable. */
export function ImportHeader({ header: h, onChange, problems }: Props) {
  const { t } = useTranslation();
  const text = (key: keyof EditedHeader, path: string) => ({
    value: (h[key] as string) ?? '',
    onChange: (e: { currentTarget: { value: string } }) => onChange({ [key]: e.currentTarget.value }, [path]),
    error: problems[path],
  });
  const date = (key: 'date' | 'periodStart' | 'periodDue' | 'deployDue', path: string) => ({
    value: h[key],
    onChange: (v: unknown) => onChange({ [key]: isoOf(v) }, [path]),
    error: problems[path],
    valueFormat: DATE_FORMAT,
    placeholder: 'dd/mm/yyyy',
    clearable: true,
  });

  return (
    <>
      <Card bg="white" withBorder data-testid="import-header">
        <Title order={3} fz="md" mb="sm">
          {t('plans.import.headerTitle')}
        </Title>
        <Stack gap="sm">
          <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="sm">
            <TextInput label={t('plans.edit.fields.superiorBody')} {...text('superiorBody', 'header.superiorBody')} />
            <TextInput label={t('plans.edit.fields.issuingBody')} {...text('issuingBody', 'header.issuingBody')} />
          </SimpleGrid>
          <SimpleGrid cols={{ base: 2, sm: 4 }} spacing="sm">
            <TextInput label={t('plans.edit.fields.number')} placeholder="45" {...text('number', 'header.number')} />
            <TextInput
              label={t('plans.edit.fields.symbolSuffix')}
              placeholder="ĐUK"
              {...text('symbolSuffix', 'header.symbolSuffix')}
            />
            <TextInput label={t('plans.edit.fields.place')} {...text('place', 'header.place')} />
            <DateInput label={t('plans.edit.fields.date')} {...date('date', 'header.date')} />
          </SimpleGrid>
          <TextInput label={t('plans.import.type')} {...text('type', 'header.type')} />
          <Textarea
            label={t('plans.edit.fields.title')}
            autosize
            minRows={2}
            required
            {...text('title', 'header.title')}
            data-testid="import-title"
          />
          <SimpleGrid cols={{ base: 1, xs: 3 }} spacing="sm">
            <DateInput label={t('plans.edit.fields.periodStart')} {...date('periodStart', 'periodStart')} />
            <DateInput label={t('plans.edit.fields.periodDue')} {...date('periodDue', 'periodDue')} />
            <DateInput label={t('plans.edit.fields.deployDue')} {...date('deployDue', 'deployDue')} />
          </SimpleGrid>
        </Stack>
      </Card>
      <Card bg="white" withBorder data-testid="import-recipients">
        <Title order={3} fz="md" mb="sm">
          {t('plans.import.recipientsSigner')}
        </Title>
        <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="sm">
          <Textarea
            label={t('plans.edit.fields.recipients')}
            description={t('plans.edit.fields.recipientsHint')}
            autosize
            minRows={4}
            value={h.recipients}
            onChange={(e) =>
              onChange(
                { recipients: e.currentTarget.value },
                Object.keys(problems).filter((k) => k.startsWith('recipients')),
              )
            }
            error={firstUnder(problems, 'recipients')}
          />
          <Stack gap="sm">
            <TextInput label={t('plans.import.signerAuthority')} {...text('signerAuthority', 'signer.authority')} />
            <TextInput label={t('plans.import.signerPosition')} {...text('signerPosition', 'signer.position')} />
            <TextInput label={t('plans.import.signerName')} {...text('signerName', 'signer.name')} />
          </Stack>
        </SimpleGrid>
      </Card>
    </>
  );
}
