import { useState, type FormEvent } from 'react';
import { Button, Card, Chip, Group, Modal, Pagination, Stack, Text, Textarea } from '@mantine/core';
import { useMediaQuery } from '@mantine/hooks';
import { notifications } from '@mantine/notifications';
import { IconArrowBackUp, IconCheck } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { formatDateTime, formatNumber } from '../../app/format.ts';
import { CenterLoader } from '../../ui/CenterLoader.tsx';
import { ErrorAlert, fieldError, useErrorText } from '../../ui/errors.tsx';
import { FormActions } from '../../ui/FormActions.tsx';
import {
  registrationStatuses,
  useRegistrations,
  useReview,
  type DriveDetail,
  type Registration,
  type RegistrationStatus,
} from './api.ts';
import { RegistrationBadge } from './shared.tsx';
import { TargetsList } from './TargetsList.tsx';

const PAGE_SIZE = 20;

/** Returning a registration needs the reason, which the unit reads beside its form. */
function ReturnModal({
  drive,
  registration,
  onClose,
}: {
  drive: DriveDetail;
  registration: Registration;
  onClose: () => void;
}) {
  const { t, i18n } = useTranslation();
  const phone = useMediaQuery('(max-width: 36em)');
  const review = useReview(drive.id);
  const [note, setNote] = useState('');
  const [local, setLocal] = useState<string | undefined>();
  const submit = (e: FormEvent) => {
    e.preventDefault();
    if (!note.trim()) return setLocal(t('emulation.review.reasonRequired'));
    review.mutate(
      { registrationId: registration.id, decision: 'return', note: note.trim() },
      {
        onSuccess: () => {
          notifications.show({
            color: 'green',
            message: t('emulation.review.returned', { unit: registration.unit.name }),
          });
          onClose();
        },
      },
    );
  };
  return (
    <Modal opened onClose={onClose} title={t('emulation.review.returnTitle')} fullScreen={phone} size="lg">
      <form onSubmit={submit} noValidate data-testid="return-form">
        <Stack gap="sm">
          <Text size="sm" fw={600}>
            {registration.unit.name}
          </Text>
          <Textarea
            label={t('emulation.review.reason')}
            description={t('emulation.review.reasonHint')}
            autosize
            minRows={3}
            required
            data-autofocus
            value={note}
            onChange={(e) => {
              setNote(e.currentTarget.value);
              setLocal(undefined);
              if (review.error) review.reset();
            }}
            error={local ?? fieldError(review.error, 'note', i18n.language)}
            name="note"
          />
          <FormActions
            error={review.error}
            fields={['note']}
            busy={review.isPending}
            onCancel={onClose}
            submitLabel={t('emulation.review.return')}
            submitColor="orange"
          />
        </Stack>
      </form>
    </Modal>
  );
}

function RegistrationCard({ drive, registration }: { drive: DriveDetail; registration: Registration }) {
  const { t } = useTranslation();
  const review = useReview(drive.id);
  const errorText = useErrorText();
  const [returning, setReturning] = useState(false);
  const r = registration;
  const open = drive.status === 'open' && r.status === 'submitted';
  return (
    <Card bg="white" withBorder data-testid="registration-card" data-unit={r.unit.name} data-status={r.status}>
      <Group justify="space-between" align="flex-start" wrap="nowrap" gap="sm">
        <Text fw={600} size="sm" style={{ minWidth: 0 }}>
          {r.unit.name}
        </Text>
        <RegistrationBadge status={r.status} />
      </Group>
      <Text size="xs" c="dimmed" mb="xs">
        {t('emulation.register.sentAt', { at: formatDateTime(r.submittedAt) })}
      </Text>
      <TargetsList targets={r.targets} indicators={drive.template?.indicators ?? []} />
      {r.note ? (
        <Text size="sm" c="dimmed" mt="xs" style={{ whiteSpace: 'pre-wrap' }}>
          {t('emulation.review.unitNote', { note: r.note })}
        </Text>
      ) : null}
      {r.reviewNote ? (
        <Text
          size="sm"
          mt="xs"
          c={r.status === 'returned' ? 'orange.8' : undefined}
          style={{ whiteSpace: 'pre-wrap' }}
          data-testid="registration-review-note"
        >
          {t(r.status === 'returned' ? 'emulation.review.returnedNote' : 'emulation.review.note', {
            note: r.reviewNote,
          })}
        </Text>
      ) : null}
      {open ? (
        <Group gap="xs" mt="sm" grow={false}>
          <Button
            color="green"
            size="sm"
            leftSection={<IconCheck size={16} />}
            loading={review.isPending}
            onClick={() =>
              review.mutate(
                { registrationId: r.id, decision: 'accept', note: null },
                {
                  onSuccess: () =>
                    notifications.show({
                      color: 'green',
                      message: t('emulation.review.accepted', { unit: r.unit.name }),
                    }),
                  onError: (e) => notifications.show({ color: 'red', message: errorText(e) }),
                },
              )
            }
            data-testid="registration-accept"
          >
            {t('emulation.review.accept')}
          </Button>
          <Button
            variant="light"
            color="orange"
            size="sm"
            leftSection={<IconArrowBackUp size={16} />}
            onClick={() => setReturning(true)}
            data-testid="registration-return"
          >
            {t('emulation.review.return')}
          </Button>
        </Group>
      ) : null}
      {returning ? <ReturnModal drive={drive} registration={r} onClose={() => setReturning(false)} /> : null}
    </Card>
  );
}

/** The Bloc's view: every unit's registration, filtered by state, each accepted or returned with a reason. */
export function ReviewList({ drive }: { drive: DriveDetail }) {
  const { t, i18n } = useTranslation();
  const [status, setStatus] = useState<RegistrationStatus | 'all'>('all');
  const [page, setPage] = useState(1);
  const list = useRegistrations(drive.id, status === 'all' ? null : status, page, PAGE_SIZE);
  const counts = drive.registrations;
  const registered = registrationStatuses.reduce((a, s) => a + (counts[s] ?? 0), 0);
  const missing = Math.max(0, drive.participantCount - registered);
  const pages = list.data ? Math.max(1, Math.ceil(list.data.total / PAGE_SIZE)) : 1;

  return (
    <Stack gap="sm" data-testid="review-list">
      <Chip.Group
        value={status}
        onChange={(v) => {
          setStatus(v as RegistrationStatus | 'all');
          setPage(1);
        }}
      >
        <Group gap="xs">
          <Chip value="all" size="sm">
            {t('emulation.review.all', { n: registered })}
          </Chip>
          {registrationStatuses.map((s) => (
            <Chip key={s} value={s} size="sm" data-testid={`filter-${s}`}>
              {t(`emulation.registrationStatus.${s}`)} ({counts[s] ?? 0})
            </Chip>
          ))}
        </Group>
      </Chip.Group>
      <Text size="sm" c="dimmed">
        {t('emulation.review.missing', {
          n: formatNumber(missing, i18n.language),
          total: formatNumber(drive.participantCount, i18n.language),
        })}
      </Text>
      <ErrorAlert error={list.error} />
      {list.isPending ? <CenterLoader /> : null}
      {list.data && list.data.items.length === 0 ? (
        <Card bg="white" withBorder>
          <Text size="sm" c="dimmed" data-testid="registrations-empty">
            {status === 'all' ? t('emulation.review.empty') : t('emulation.review.emptyFiltered')}
          </Text>
        </Card>
      ) : null}
      {list.data?.items.map((r) => (
        <RegistrationCard key={r.id} drive={drive} registration={r} />
      ))}
      {pages > 1 ? <Pagination total={pages} value={page} onChange={setPage} size="sm" /> : null}
    </Stack>
  );
}
