import { useState, type FormEvent } from 'react';
import { Button, Group, Modal, NumberInput, Stack, Text, Textarea } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { IconArrowBackUp, IconCheck, IconLockOpen } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { ConfirmButton } from '../../ui/ConfirmButton.tsx';
import { ErrorAlert, fieldError } from '../../ui/errors.tsx';
import { FormActions } from '../../ui/FormActions.tsx';
import { useApproveReport, useReopenReport, useReturnReport, type ReportForm } from './api.ts';

/**
 * What the level above does with a submitted report — approve it, or return it with the reason —
 * and what a manager does after the period locked or the report was approved: reopen it for some days.
 */
export function DecisionActions({ form }: { form: ReportForm }) {
  const { t } = useTranslation();
  const approve = useApproveReport();
  const [returning, setReturning] = useState(false);
  const [reopening, setReopening] = useState(false);
  const id = form.submission?.id;
  if (!id || !(form.may.approve || form.may.return || form.may.reopen)) return null;
  return (
    <Stack gap="xs" mb="md">
      <Group gap="xs" wrap="wrap">
        {form.may.approve ? (
          <ConfirmButton
            color="green"
            leftSection={<IconCheck size={16} />}
            question={t('reporting.decide.approveQuestion', { unit: form.unit.name })}
            confirmLabel={t('reporting.decide.approve')}
            loading={approve.isPending}
            onConfirm={() =>
              approve.mutate(id, {
                onSuccess: () => notifications.show({ color: 'green', message: t('reporting.decide.approved') }),
              })
            }
            data-testid="approve"
          >
            {t('reporting.decide.approve')}
          </ConfirmButton>
        ) : null}
        {form.may.return ? (
          <Button
            color="orange"
            variant="light"
            leftSection={<IconArrowBackUp size={16} />}
            onClick={() => setReturning(true)}
            data-testid="return"
          >
            {t('reporting.decide.return')}
          </Button>
        ) : null}
        {form.may.reopen ? (
          <Button
            variant="light"
            leftSection={<IconLockOpen size={16} />}
            onClick={() => setReopening(true)}
            data-testid="reopen"
          >
            {t('reporting.decide.reopen')}
          </Button>
        ) : null}
      </Group>
      <ErrorAlert error={approve.error} />
      <Modal opened={returning} onClose={() => setReturning(false)} title={t('reporting.decide.returnTitle')} centered>
        {returning ? <ReturnForm id={id} onDone={() => setReturning(false)} /> : null}
      </Modal>
      <Modal opened={reopening} onClose={() => setReopening(false)} title={t('reporting.decide.reopenTitle')} centered>
        {reopening ? <ReopenForm id={id} onDone={() => setReopening(false)} /> : null}
      </Modal>
    </Stack>
  );
}

function ReturnForm({ id, onDone }: { id: string; onDone: () => void }) {
  const { t, i18n } = useTranslation();
  const [reason, setReason] = useState('');
  const [empty, setEmpty] = useState(false);
  const send = useReturnReport();
  const submit = (e: FormEvent) => {
    e.preventDefault();
    if (!reason.trim()) return setEmpty(true);
    send.mutate(
      { id, reason: reason.trim() },
      {
        onSuccess: () => {
          notifications.show({ color: 'orange', message: t('reporting.decide.returned') });
          onDone();
        },
      },
    );
  };
  return (
    <form onSubmit={submit} noValidate data-testid="return-form">
      <Stack gap="sm">
        <Text size="sm" c="dimmed">
          {t('reporting.decide.returnHint')}
        </Text>
        <Textarea
          label={t('reporting.decide.reason')}
          name="reason"
          withAsterisk
          autosize
          minRows={3}
          maxLength={2000}
          value={reason}
          onChange={(e) => {
            setReason(e.currentTarget.value);
            setEmpty(false);
            if (send.error) send.reset();
          }}
          error={empty ? t('common.required') : fieldError(send.error, 'reason', i18n.language)}
          data-autofocus
        />
        <FormActions
          error={send.error}
          fields={['reason']}
          busy={send.isPending}
          onCancel={onDone}
          submitLabel={t('reporting.decide.return')}
          submitColor="orange"
        />
      </Stack>
    </form>
  );
}

function ReopenForm({ id, onDone }: { id: string; onDone: () => void }) {
  const { t, i18n } = useTranslation();
  const [reason, setReason] = useState('');
  const [days, setDays] = useState<number | string>(7);
  const [empty, setEmpty] = useState(false);
  const send = useReopenReport();
  const submit = (e: FormEvent) => {
    e.preventDefault();
    if (!reason.trim()) return setEmpty(true);
    send.mutate(
      { id, reason: reason.trim(), days: Number(days) },
      {
        onSuccess: () => {
          notifications.show({ color: 'teal', message: t('reporting.decide.reopened') });
          onDone();
        },
      },
    );
  };
  return (
    <form onSubmit={submit} noValidate data-testid="reopen-form">
      <Stack gap="sm">
        <Textarea
          label={t('reporting.decide.reason')}
          name="reason"
          withAsterisk
          autosize
          minRows={3}
          maxLength={2000}
          value={reason}
          onChange={(e) => {
            setReason(e.currentTarget.value);
            setEmpty(false);
            if (send.error) send.reset();
          }}
          error={empty ? t('common.required') : fieldError(send.error, 'reason', i18n.language)}
          data-autofocus
        />
        <NumberInput
          label={t('reporting.decide.days')}
          description={t('reporting.decide.daysHint')}
          name="days"
          min={1}
          max={60}
          allowDecimal={false}
          allowNegative={false}
          value={days}
          onChange={(v) => {
            setDays(v);
            if (send.error) send.reset();
          }}
          error={fieldError(send.error, 'days', i18n.language)}
        />
        <FormActions
          error={send.error}
          fields={['reason', 'days']}
          busy={send.isPending}
          onCancel={onDone}
          submitLabel={t('reporting.decide.reopen')}
        />
      </Stack>
    </form>
  );
}
