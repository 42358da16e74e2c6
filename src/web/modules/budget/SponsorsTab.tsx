import { type FormEvent, useState } from 'react';
import {
  Badge,
  Button,
  Group,
  Modal,
  NumberInput,
  Paper,
  Select,
  SimpleGrid,
  Stack,
  Switch,
  Text,
  TextInput,
} from '@mantine/core';
import { DateInput } from '@mantine/dates';
import { useMediaQuery } from '@mantine/hooks';
import { IconPlus } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { useAuth } from '../../app/auth.tsx';
import { DATE_FORMAT, formatDate } from '../../app/format.ts';
import { CenterLoader } from '../../ui/CenterLoader.tsx';
import { DownloadLinks } from '../../ui/DownloadLinks.tsx';
import { ErrorAlert, fieldError } from '../../ui/errors.tsx';
import { FormActions } from '../../ui/FormActions.tsx';
import { isoOf } from '../organisation/api.ts';
import {
  type Overview,
  type Sponsor,
  useCreateSponsor,
  usePledge,
  useReceipt,
  useSponsors,
  useUpdateSponsor,
} from './api.ts';
import { money } from './BudgetPage.tsx';

type Kind = Sponsor['kind'];
const kinds: Kind[] = ['enterprise', 'unit', 'individual', 'other'];

function SponsorModal({ planId, onClose }: { planId: string; onClose: () => void }) {
  const { t, i18n } = useTranslation();
  const phone = useMediaQuery('(max-width: 36em)');
  const create = useCreateSponsor();
  const [name, setName] = useState('');
  const [kind, setKind] = useState<Kind>('enterprise');
  const [address, setAddress] = useState('');
  const [representative, setRepresentative] = useState('');
  const [consent, setConsent] = useState(false);
  const fe = (p: string) => fieldError(create.error, p, i18n.language);
  const submit = (e: FormEvent) => {
    e.preventDefault();
    create.mutate({ planId, name, kind, address, representative, publicConsent: consent }, { onSuccess: onClose });
  };
  return (
    <Modal opened onClose={onClose} title={t('budget.sponsors.add')} fullScreen={!!phone}>
      <form onSubmit={submit} noValidate>
        <Stack gap="sm">
          <TextInput
            label={t('budget.sponsors.name')}
            required
            value={name}
            onChange={(e) => setName(e.currentTarget.value)}
            error={fe('name')}
            data-testid="sponsor-name"
          />
          <Select
            label={t('budget.sponsors.kind')}
            data={kinds.map((k) => ({ value: k, label: t(`budget.sponsors.kinds.${k}`) }))}
            value={kind}
            onChange={(v) => v && setKind(v as Kind)}
            allowDeselect={false}
          />
          <TextInput
            label={t('budget.sponsors.address')}
            value={address}
            onChange={(e) => setAddress(e.currentTarget.value)}
          />
          <TextInput
            label={t('budget.sponsors.representative')}
            value={representative}
            onChange={(e) => setRepresentative(e.currentTarget.value)}
          />
          <Switch
            label={t('budget.sponsors.consent')}
            checked={consent}
            onChange={(e) => setConsent(e.currentTarget.checked)}
          />
          <FormActions
            error={create.error}
            fields={['name']}
            busy={create.isPending}
            onCancel={onClose}
            submitLabel={t('common.save')}
          />
        </Stack>
      </form>
    </Modal>
  );
}

function MoneyModal({
  sponsor,
  overview,
  mode,
  onClose,
}: {
  sponsor: Sponsor;
  overview: Overview;
  mode: 'pledge' | 'receipt';
  onClose: () => void;
}) {
  const { t, i18n } = useTranslation();
  const phone = useMediaQuery('(max-width: 36em)');
  const pledge = usePledge(sponsor.id);
  const receipt = useReceipt(sponsor.id);
  const m = mode === 'pledge' ? pledge : receipt;
  const [amount, setAmount] = useState<number | string>('');
  const [day, setDay] = useState<string | null>(null);
  const [kind, setKind] = useState<'money' | 'in_kind'>('money');
  const [activityId, setActivityId] = useState<string | null>(null);
  const [text, setText] = useState('');
  const fe = (p: string) => fieldError(m.error, p, i18n.language);
  const submit = (e: FormEvent) => {
    e.preventDefault();
    const value = typeof amount === 'number' ? amount : Number(amount);
    if (mode === 'pledge')
      pledge.mutate({ amount: value, pledgedOn: day ?? '', activityId, note: text }, { onSuccess: onClose });
    else
      receipt.mutate(
        { kind, amount: value, receivedOn: day ?? '', activityId, description: text },
        { onSuccess: onClose },
      );
  };
  return (
    <Modal opened onClose={onClose} title={`${t(`budget.sponsors.${mode}`)} — ${sponsor.name}`} fullScreen={!!phone}>
      <form onSubmit={submit} noValidate>
        <Stack gap="sm">
          {mode === 'receipt' ? (
            <Select
              label={t('budget.sponsors.receiptKind')}
              data={[
                { value: 'money', label: t('budget.sponsors.money') },
                { value: 'in_kind', label: t('budget.sponsors.inKind') },
              ]}
              value={kind}
              onChange={(v) => v && setKind(v as 'money' | 'in_kind')}
              allowDeselect={false}
            />
          ) : null}
          <NumberInput
            label={kind === 'in_kind' && mode === 'receipt' ? t('budget.sponsors.value') : t('budget.sponsors.amount')}
            required
            value={amount}
            onChange={setAmount}
            thousandSeparator="."
            decimalSeparator=","
            allowDecimal={false}
            min={0}
            suffix=" đ"
            error={fe('amount')}
            data-testid="money-amount"
          />
          <DateInput
            label={mode === 'pledge' ? t('budget.sponsors.pledgedOn') : t('budget.sponsors.receivedOn')}
            required
            valueFormat={DATE_FORMAT}
            placeholder="dd/mm/yyyy"
            value={day}
            onChange={(v) => setDay(isoOf(v))}
            error={fe(mode === 'pledge' ? 'pledgedOn' : 'receivedOn')}
            data-testid="money-date"
          />
          <Select
            label={t('budget.sponsors.activity')}
            clearable
            searchable
            data={overview.activities.map((a) => ({ value: a.id, label: `${a.ref}. ${a.title.slice(0, 90)}` }))}
            value={activityId}
            onChange={setActivityId}
            error={fe('activityId')}
            data-testid="money-activity"
          />
          <TextInput
            label={
              mode === 'receipt' && kind === 'in_kind' ? t('budget.sponsors.description') : t('budget.sponsors.note')
            }
            required={mode === 'receipt' && kind === 'in_kind'}
            value={text}
            onChange={(e) => setText(e.currentTarget.value)}
            error={fe('description') ?? fe('note')}
          />
          <FormActions
            error={m.error}
            fields={['amount', 'pledgedOn', 'receivedOn', 'activityId', 'description', 'note']}
            busy={m.isPending}
            onCancel={onClose}
            submitLabel={t('common.save')}
          />
        </Stack>
      </form>
    </Modal>
  );
}

function SponsorCard({ sponsor, overview, edit }: { sponsor: Sponsor; overview: Overview; edit: boolean }) {
  const { t } = useTranslation();
  const [mode, setMode] = useState<'pledge' | 'receipt' | null>(null);
  const update = useUpdateSponsor(sponsor.id);
  return (
    <Paper withBorder p="sm" radius="md" data-testid="sponsor-card">
      <Group justify="space-between" align="flex-start" gap="xs" wrap="nowrap">
        <div style={{ minWidth: 0 }}>
          <Text fw={600}>{sponsor.name}</Text>
          <Text size="xs" c="dimmed">
            {t(`budget.sponsors.kinds.${sponsor.kind}`)}
          </Text>
        </div>
        {sponsor.publicConsent ? (
          <Badge color="teal" variant="light" style={{ flexShrink: 0, overflow: 'visible' }} miw="max-content">
            {t('budget.sponsors.public')}
          </Badge>
        ) : null}
      </Group>
      <SimpleGrid cols={2} spacing={4} mt="xs">
        <Text size="sm">{t('budget.sponsors.pledged')}</Text>
        <Text size="sm" ta="right">
          {money(sponsor.pledged)}
        </Text>
        <Text size="sm">{t('budget.sponsors.received')}</Text>
        <Text size="sm" ta="right" data-testid="sponsor-received">
          {money(sponsor.received)}
        </Text>
        <Text size="sm">{t('budget.sponsors.inKind')}</Text>
        <Text size="sm" ta="right">
          {money(sponsor.inKind)}
        </Text>
        <Text size="sm">{t('budget.sponsors.outstanding')}</Text>
        <Text size="sm" ta="right" fw={600}>
          {money(sponsor.outstanding)}
        </Text>
      </SimpleGrid>
      {sponsor.receipts.length ? (
        <Stack gap={0} mt="xs">
          {sponsor.receipts.map((r) => (
            <Text key={r.id} size="xs" c="dimmed">
              {formatDate(r.receivedOn)} · {r.kind === 'money' ? t('budget.sponsors.money') : r.description} ·{' '}
              {money(r.amount)}
            </Text>
          ))}
        </Stack>
      ) : null}
      <Group gap="xs" mt="sm" wrap="wrap">
        {edit ? (
          <>
            <Button size="xs" onClick={() => setMode('receipt')} data-testid="sponsor-receipt">
              {t('budget.sponsors.receipt')}
            </Button>
            <Button size="xs" variant="light" onClick={() => setMode('pledge')}>
              {t('budget.sponsors.pledge')}
            </Button>
            <Switch
              size="xs"
              label={t('budget.sponsors.consentShort')}
              checked={sponsor.publicConsent}
              onChange={(e) => update.mutate({ publicConsent: e.currentTarget.checked })}
            />
          </>
        ) : null}
        <DownloadLinks
          links={[
            {
              href: `/api/budget/sponsors/${sponsor.id}/thanks`,
              label: t('budget.sponsors.thanks'),
              kind: 'docx',
              testId: `thanks-${sponsor.id}`,
            },
          ]}
        />
      </Group>
      {mode ? <MoneyModal sponsor={sponsor} overview={overview} mode={mode} onClose={() => setMode(null)} /> : null}
    </Paper>
  );
}

/** Social mobilisation: sponsors with their pledges, payments and support in kind; the thanks letters. */
export function SponsorsTab({ overview }: { overview: Overview }) {
  const { t } = useTranslation();
  const auth = useAuth();
  const list = useSponsors(overview.plan.id);
  const [adding, setAdding] = useState(false);
  const edit = auth.can('budget.edit');
  if (list.isPending) return <CenterLoader />;
  if (list.error) return <ErrorAlert error={list.error} />;
  return (
    <Stack gap="md">
      <Group justify="space-between" wrap="wrap">
        <Text size="sm" data-testid="sponsors-totals">
          {t('budget.sponsors.totals', {
            pledged: money(list.data.totals.pledged),
            received: money(list.data.totals.received),
            inKind: money(list.data.totals.inKind),
          })}
        </Text>
        {edit ? (
          <Button leftSection={<IconPlus size={16} />} onClick={() => setAdding(true)} data-testid="sponsor-add">
            {t('budget.sponsors.add')}
          </Button>
        ) : null}
      </Group>
      {list.data.items.length === 0 ? <Text c="dimmed">{t('budget.sponsors.empty')}</Text> : null}
      <SimpleGrid cols={{ base: 1, sm: 2, lg: 3 }} spacing="sm">
        {list.data.items.map((s) => (
          <SponsorCard key={s.id} sponsor={s} overview={overview} edit={edit} />
        ))}
      </SimpleGrid>
      {adding ? <SponsorModal planId={overview.plan.id} onClose={() => setAdding(false)} /> : null}
    </Stack>
  );
}
