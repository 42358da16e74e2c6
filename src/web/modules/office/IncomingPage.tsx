import { type FormEvent, useState } from 'react';
import { Badge, Button, Group, Modal, Stack, Table, Text, Textarea, TextInput } from '@mantine/core';
import { DateInput } from '@mantine/dates';
import { useMediaQuery } from '@mantine/hooks';
import { notifications } from '@mantine/notifications';
import { IconPlus } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { useAuth } from '../../app/auth.tsx';
import { DATE_FORMAT, formatDate } from '../../app/format.ts';
import { CenterLoader } from '../../ui/CenterLoader.tsx';
import { ErrorAlert, fieldError } from '../../ui/errors.tsx';
import { FormActions } from '../../ui/FormActions.tsx';
import { NoPermission } from '../../ui/NoPermission.tsx';
import { PageHeader } from '../../ui/PageHeader.tsx';
import { isoOf } from '../organisation/api.ts';
import { UnitMultiPicker } from '../organisation/UnitMultiPicker.tsx';
import { UnitPicker } from '../organisation/UnitPicker.tsx';
import { type Incoming, useAssign, useIncoming, useOfficeLive, useRecordIncoming } from './api.ts';
import { BooksMenu } from './OutgoingPage.tsx';

const statusColor: Record<Incoming['status'], string> = {
  unassigned: 'gray',
  in_progress: 'blue',
  overdue: 'red',
  done: 'green',
  done_late: 'yellow',
};

function RecordModal({ onClose }: { onClose: () => void }) {
  const { t, i18n } = useTranslation();
  const phone = useMediaQuery('(max-width: 36em)');
  const record = useRecordIncoming();
  const [receivedOn, setReceivedOn] = useState<string | null>(null);
  const [docDate, setDocDate] = useState<string | null>(null);
  const [sender, setSender] = useState('');
  const [reference, setReference] = useState('');
  const [summary, setSummary] = useState('');
  const [missing, setMissing] = useState<Record<string, string>>({});
  const fe = (p: string) => missing[p] ?? fieldError(record.error, p, i18n.language);
  const submit = (e: FormEvent) => {
    e.preventDefault();
    const found: Record<string, string> = {};
    for (const [k, v] of Object.entries({ receivedOn, sender, reference, summary }))
      if (!v?.trim()) found[k] = t('common.required');
    setMissing(found);
    if (Object.keys(found).length) return;
    record.mutate(
      { receivedOn: receivedOn!, docDate, sender: sender.trim(), reference: reference.trim(), summary: summary.trim() },
      {
        onSuccess: (d) => {
          notifications.show({ color: 'green', message: t('office.incoming.recorded', { n: d.arrivalNumber }) });
          onClose();
        },
      },
    );
  };
  return (
    <Modal opened onClose={onClose} title={t('office.incoming.record')} size="lg" fullScreen={!!phone}>
      <form onSubmit={submit} noValidate>
        <Stack gap="sm">
          <Group grow preventGrowOverflow={false} wrap="wrap" align="flex-start">
            <DateInput
              label={t('office.incoming.receivedOn')}
              required
              valueFormat={DATE_FORMAT}
              placeholder="dd/mm/yyyy"
              value={receivedOn}
              onChange={(v) => setReceivedOn(isoOf(v))}
              error={fe('receivedOn')}
            />
            <DateInput
              label={t('office.incoming.docDate')}
              valueFormat={DATE_FORMAT}
              placeholder="dd/mm/yyyy"
              value={docDate}
              onChange={(v) => setDocDate(isoOf(v))}
              error={fe('docDate')}
            />
          </Group>
          <Group grow preventGrowOverflow={false} wrap="wrap" align="flex-start">
            <TextInput
              label={t('office.incoming.sender')}
              required
              value={sender}
              onChange={(e) => setSender(e.currentTarget.value)}
              error={fe('sender')}
              style={{ flex: '2 1 220px' }}
            />
            <TextInput
              label={t('office.incoming.reference')}
              required
              value={reference}
              onChange={(e) => setReference(e.currentTarget.value)}
              error={fe('reference')}
              style={{ flex: '1 1 140px' }}
            />
          </Group>
          <Textarea
            label={t('office.incoming.summary')}
            required
            autosize
            minRows={2}
            value={summary}
            onChange={(e) => setSummary(e.currentTarget.value)}
            error={fe('summary')}
          />
          <FormActions
            error={record.error}
            fields={['receivedOn', 'docDate', 'sender', 'reference', 'summary']}
            busy={record.isPending}
            onCancel={onClose}
            submitLabel={t('office.incoming.recordSubmit')}
          />
        </Stack>
      </form>
    </Modal>
  );
}

function AssignModal({ item, onClose }: { item: Incoming; onClose: () => void }) {
  const { t, i18n } = useTranslation();
  const phone = useMediaQuery('(max-width: 36em)');
  const assign = useAssign(item.id);
  const [lead, setLead] = useState<string | null>(item.lead?.id ?? null);
  const [coordinating, setCoordinating] = useState(item.coordinating);
  const [deadline, setDeadline] = useState<string | null>(item.deadline);
  const [instructions, setInstructions] = useState(item.instructions ?? '');
  const [missing, setMissing] = useState<Record<string, string>>({});
  const fe = (p: string) => missing[p] ?? fieldError(assign.error, p, i18n.language);
  const submit = (e: FormEvent) => {
    e.preventDefault();
    if (!lead) {
      setMissing({ leadUnitId: t('common.required') });
      return;
    }
    assign.mutate(
      { leadUnitId: lead, coordinatingUnitIds: coordinating.map((u) => u.id), deadline, instructions },
      { onSuccess: onClose },
    );
  };
  return (
    <Modal
      opened
      onClose={onClose}
      title={t('office.incoming.assignTitle', { n: item.arrivalNumber })}
      size="lg"
      fullScreen={!!phone}
    >
      <form onSubmit={submit} noValidate>
        <Stack gap="sm">
          <Text size="sm">{item.summary}</Text>
          <UnitPicker
            label={t('office.incoming.lead')}
            required
            value={lead}
            onChange={(id) => setLead(id)}
            error={fe('leadUnitId')}
          />
          <UnitMultiPicker label={t('office.incoming.coordinating')} value={coordinating} onChange={setCoordinating} />
          <DateInput
            label={t('office.incoming.deadline')}
            valueFormat={DATE_FORMAT}
            placeholder="dd/mm/yyyy"
            value={deadline}
            onChange={(v) => setDeadline(isoOf(v))}
            error={fe('deadline')}
          />
          <Textarea
            label={t('office.incoming.instructions')}
            autosize
            minRows={2}
            value={instructions}
            onChange={(e) => setInstructions(e.currentTarget.value)}
          />
          <FormActions
            error={assign.error}
            fields={['leadUnitId', 'coordinatingUnitIds', 'deadline', 'instructions']}
            busy={assign.isPending}
            onCancel={onClose}
            submitLabel={t('office.incoming.assign')}
          />
        </Stack>
      </form>
    </Modal>
  );
}

/** The incoming register: arrival numbers by year, the assignment, the handling status, overdue flagged. */
export function IncomingPage() {
  const { t } = useTranslation();
  const auth = useAuth();
  const list = useIncoming();
  const [recording, setRecording] = useState(false);
  const [assigning, setAssigning] = useState<Incoming | null>(null);
  useOfficeLive();
  if (!auth.can('office.read')) return <NoPermission />;
  const manage = auth.can('office.incoming');
  return (
    <>
      <PageHeader
        title={t('office.incoming.title')}
        description={t('office.incoming.description')}
        actions={
          <Group gap="xs">
            <BooksMenu
              books={['incoming', 'tracking', 'slip']}
              years={[...new Set((list.data?.items ?? []).map((d) => d.year))]}
            />
            {manage ? (
              <Button
                leftSection={<IconPlus size={16} />}
                onClick={() => setRecording(true)}
                data-testid="office-record"
              >
                {t('office.incoming.record')}
              </Button>
            ) : null}
          </Group>
        }
      />
      {list.isPending ? (
        <CenterLoader />
      ) : list.error ? (
        <ErrorAlert error={list.error} />
      ) : list.data.items.length === 0 ? (
        <Text c="dimmed">{t('office.incoming.empty')}</Text>
      ) : (
        <Table.ScrollContainer minWidth={860}>
          <Table striped verticalSpacing="xs" data-testid="office-incoming">
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t('office.incoming.arrival')}</Table.Th>
                <Table.Th>{t('office.incoming.receivedOn')}</Table.Th>
                <Table.Th>{t('office.incoming.fromRef')}</Table.Th>
                <Table.Th>{t('office.incoming.summary')}</Table.Th>
                <Table.Th>{t('office.incoming.lead')}</Table.Th>
                <Table.Th>{t('office.incoming.deadline')}</Table.Th>
                <Table.Th>{t('office.incoming.status')}</Table.Th>
                {manage ? <Table.Th /> : null}
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {list.data.items.map((d) => (
                <Table.Tr key={d.id}>
                  <Table.Td>
                    {d.arrivalNumber}/{d.year}
                  </Table.Td>
                  <Table.Td>{formatDate(d.receivedOn)}</Table.Td>
                  <Table.Td>
                    <Text size="sm">{d.sender}</Text>
                    <Text size="xs" c="dimmed">
                      {d.reference}
                      {d.docDate ? ` · ${formatDate(d.docDate)}` : ''}
                    </Text>
                  </Table.Td>
                  <Table.Td>{d.summary}</Table.Td>
                  <Table.Td>
                    {d.lead?.name ?? '—'}
                    {d.coordinating.length ? (
                      <Text size="xs" c="dimmed">
                        {t('office.incoming.with', { units: d.coordinating.map((u) => u.name).join(', ') })}
                      </Text>
                    ) : null}
                  </Table.Td>
                  <Table.Td>{d.deadline ? formatDate(d.deadline) : '—'}</Table.Td>
                  <Table.Td>
                    <Badge color={statusColor[d.status]} variant="light">
                      {t(`office.incoming.statuses.${d.status}`)}
                    </Badge>
                  </Table.Td>
                  {manage ? (
                    <Table.Td>
                      <Button size="xs" variant="subtle" onClick={() => setAssigning(d)}>
                        {t('office.incoming.assign')}
                      </Button>
                    </Table.Td>
                  ) : null}
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      )}
      {recording ? <RecordModal onClose={() => setRecording(false)} /> : null}
      {assigning ? <AssignModal item={assigning} onClose={() => setAssigning(null)} /> : null}
    </>
  );
}
