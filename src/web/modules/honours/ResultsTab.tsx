import { useState, type FormEvent } from 'react';
import {
  Alert,
  Badge,
  Button,
  Card,
  Checkbox,
  Group,
  Modal,
  Stack,
  Table,
  Text,
  TextInput,
  Title,
} from '@mantine/core';
import { DateInput } from '@mantine/dates';
import { useMediaQuery } from '@mantine/hooks';
import { notifications } from '@mantine/notifications';
import {
  IconCertificate,
  IconChecks,
  IconFileTypeDocx,
  IconFileTypePdf,
  IconSend,
  IconWorld,
} from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { useAuth } from '../../app/auth.tsx';
import { saveBlob } from '../../app/files.ts';
import { DATE_FORMAT, formatDate, formatNumber } from '../../app/format.ts';
import { CenterLoader } from '../../ui/CenterLoader.tsx';
import { ErrorAlert, fieldError } from '../../ui/errors.tsx';
import { FormActions } from '../../ui/FormActions.tsx';
import { isoOf } from '../organisation/api.ts';
import { documentUrl, fetchProposal, useConfirmResults, useResults, type Campaign, type Results } from './api.ts';
import { KindBadge } from './shared.tsx';

/** The Standing Committee's decision that fixes the list: its number and symbol, and its date. */
function ConfirmModal({ campaign, onClose }: { campaign: Campaign; onClose: () => void }) {
  const { t, i18n } = useTranslation();
  const lang = i18n.language;
  const phone = useMediaQuery('(max-width: 36em)');
  const confirm = useConfirmResults(campaign.id);
  const [number, setNumber] = useState('');
  const [date, setDate] = useState<string | null>(null);
  const [local, setLocal] = useState<Record<string, string>>({});
  const fe = (path: string) => local[path] ?? fieldError(confirm.error, path, lang);
  const submit = (e: FormEvent) => {
    e.preventDefault();
    const found: Record<string, string> = {};
    if (!date) found.decidedOn = t('common.required');
    setLocal(found);
    if (Object.keys(found).length) return;
    confirm.mutate(
      { ...(number.trim() ? { decisionNumber: number.trim() } : {}), decidedOn: date! },
      {
        onSuccess: (r) => {
          notifications.show({
            color: 'green',
            message: t('honours.results.confirmed', { count: r.totals.count, n: r.totals.count }),
          });
          onClose();
        },
      },
    );
  };
  const reset = () => {
    setLocal({});
    if (confirm.error) confirm.reset();
  };
  return (
    <Modal opened onClose={onClose} title={t('honours.results.confirmTitle')} fullScreen={phone}>
      <form onSubmit={submit} noValidate data-testid="confirm-form">
        <Stack gap="sm">
          <Text size="sm">{t('honours.results.confirmHint')}</Text>
          <TextInput
            label={t('honours.results.decisionNumber')}
            placeholder="125-QĐ/ĐUK"
            description={t('honours.results.decisionNumberHint')}
            data-autofocus
            value={number}
            onChange={(e) => {
              setNumber(e.currentTarget.value);
              reset();
            }}
            error={fe('decisionNumber')}
            name="decisionNumber"
          />
          <DateInput
            label={t('honours.results.decidedOn')}
            required
            valueFormat={DATE_FORMAT}
            placeholder="dd/mm/yyyy"
            value={date}
            onChange={(v) => {
              setDate(isoOf(v));
              reset();
            }}
            error={fe('decidedOn')}
            name="decidedOn"
          />
          <FormActions
            error={confirm.error}
            fields={['decisionNumber', 'decidedOn']}
            busy={confirm.isPending}
            onCancel={onClose}
            submitLabel={t('honours.results.confirm')}
          />
        </Stack>
      </form>
    </Modal>
  );
}

const DEFAULT_TO = 'Ban Thường vụ Tỉnh ủy Thái Bình';
const DEFAULT_AWARD = 'Bằng khen của Ban Thường vụ Tỉnh ủy';

/** The proposal (tờ trình) to a higher level for a chosen few of the honourees, built on the server and saved as .docx or .pdf. */
function ProposalModal({ campaign, results, onClose }: { campaign: Campaign; results: Results; onClose: () => void }) {
  const { t } = useTranslation();
  const phone = useMediaQuery('(max-width: 36em)');
  const [chosen, setChosen] = useState<string[]>([]);
  const [to, setTo] = useState(DEFAULT_TO);
  const [award, setAward] = useState(DEFAULT_AWARD);
  const [busy, setBusy] = useState<'docx' | 'pdf' | null>(null);
  const [error, setError] = useState<unknown>(null);
  const [problem, setProblem] = useState<string | null>(null);
  const download = async (format: 'docx' | 'pdf') => {
    setError(null);
    if (!chosen.length) return setProblem(t('honours.proposal.chooseSome'));
    setBusy(format);
    try {
      saveBlob(
        await fetchProposal(campaign.id, { nominationIds: chosen, to: to.trim(), award: award.trim() }, format),
        `to-trinh-de-nghi.${format}`,
      );
    } catch (err) {
      setError(err);
    } finally {
      setBusy(null);
    }
  };
  return (
    <Modal opened onClose={onClose} title={t('honours.proposal.title')} size="lg" fullScreen={phone}>
      <Stack gap="sm" data-testid="proposal-form">
        <TextInput label={t('honours.proposal.to')} value={to} onChange={(e) => setTo(e.currentTarget.value)} />
        <TextInput
          label={t('honours.proposal.award')}
          value={award}
          onChange={(e) => setAward(e.currentTarget.value)}
        />
        <Checkbox.Group
          label={t('honours.proposal.who')}
          value={chosen}
          onChange={(v) => {
            setChosen(v);
            setProblem(null);
          }}
          error={problem}
        >
          <Stack gap="xs" mt={6}>
            {results.categories
              .filter((c) => c.honourees.length)
              .map((c) => (
                <Stack key={c.id} gap={4}>
                  <Text size="sm" fw={600}>
                    {c.name}
                  </Text>
                  {c.honourees.map((h) => (
                    <Checkbox
                      key={h.nominationId}
                      value={h.nominationId}
                      label={`${h.position}. ${h.name}`}
                      description={h.unit.name}
                    />
                  ))}
                </Stack>
              ))}
          </Stack>
        </Checkbox.Group>
        <ErrorAlert error={error} />
        <Group justify="flex-end" gap="sm" mt="sm">
          <Button variant="default" onClick={onClose}>
            {t('common.cancel')}
          </Button>
          <Button
            variant="light"
            leftSection={<IconFileTypeDocx size={16} />}
            loading={busy === 'docx'}
            disabled={busy !== null}
            onClick={() => void download('docx')}
          >
            {t('honours.proposal.docx')}
          </Button>
          <Button
            leftSection={<IconFileTypePdf size={16} />}
            loading={busy === 'pdf'}
            disabled={busy !== null}
            onClick={() => void download('pdf')}
          >
            {t('honours.proposal.pdf')}
          </Button>
        </Group>
      </Stack>
    </Modal>
  );
}

function CategoryResults({ category }: { category: Results['categories'][number] }) {
  const { t, i18n } = useTranslation();
  const lang = i18n.language;
  const c = category;
  return (
    <Card bg="white" withBorder data-testid="results-category" data-kind={c.kind}>
      <Group justify="space-between" align="flex-start" gap="xs" wrap="wrap">
        <Group gap="xs" wrap="nowrap" style={{ minWidth: 0 }}>
          <Title order={3} fz="md">
            {c.name}
          </Title>
          <KindBadge kind={c.kind} />
        </Group>
        <Group gap={6}>
          <Badge
            variant="light"
            color={c.shortfall ? 'orange' : 'green'}
            radius="sm"
            tt="none"
            data-testid="results-count"
          >
            {t('honours.results.count', { n: formatNumber(c.count, lang), quota: formatNumber(c.quota, lang) })}
          </Badge>
          {c.shortfall ? (
            <Badge variant="filled" color="orange" radius="sm" tt="none" data-testid="results-shortfall">
              {t('honours.results.shortfall', { n: formatNumber(c.shortfall, lang) })}
            </Badge>
          ) : null}
        </Group>
      </Group>
      {c.honourees.length === 0 ? (
        <Text size="sm" c="dimmed" mt="xs">
          {t('honours.results.none')}
        </Text>
      ) : (
        <>
          <Table.ScrollContainer minWidth={640} visibleFrom="sm" mt="xs">
            <Table verticalSpacing="xs">
              <Table.Thead>
                <Table.Tr>
                  <Table.Th w={50}>{t('honours.results.position')}</Table.Th>
                  <Table.Th>{t('honours.results.name')}</Table.Th>
                  <Table.Th>{t('honours.results.unit')}</Table.Th>
                  <Table.Th>{t('honours.results.citation')}</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {c.honourees.map((h) => (
                  <Table.Tr key={h.nominationId} data-testid="honouree">
                    <Table.Td>{h.position}</Table.Td>
                    <Table.Td fw={600}>{h.name}</Table.Td>
                    <Table.Td>{h.unit.name}</Table.Td>
                    <Table.Td>
                      <Text size="sm" lineClamp={3}>
                        {h.citation}
                      </Text>
                    </Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </Table.ScrollContainer>
          <Stack gap="xs" mt="xs" hiddenFrom="sm">
            {c.honourees.map((h) => (
              <div key={h.nominationId}>
                <Text size="sm" fw={600}>
                  {h.position}. {h.name}
                </Text>
                <Text size="xs" c="dimmed">
                  {h.unit.name}
                </Text>
                <Text size="xs" lineClamp={3}>
                  {h.citation}
                </Text>
              </div>
            ))}
          </Stack>
        </>
      )}
    </Card>
  );
}

/**
 * The selected honourees per category in order, against the quota, with the shortfall; before the
 * decision only those who judge see it. The Board confirms the list by the Standing Committee's
 * decision; then the decision, the certificates and the proposal to a higher level can be printed.
 */
export function ResultsTab({ campaign }: { campaign: Campaign }) {
  const { t, i18n } = useTranslation();
  const lang = i18n.language;
  const auth = useAuth();
  const manage = auth.can('honours.manage');
  const judge = manage || auth.can('honours.screen') || auth.can('honours.vote');
  const decided = campaign.status === 'decided';
  const results = useResults(campaign.id, decided || judge);
  const [confirming, setConfirming] = useState(false);
  const [proposing, setProposing] = useState(false);

  if (!decided && !judge) {
    return (
      <Text size="sm" c="dimmed" data-testid="results-hidden">
        {t('honours.results.hidden')}
      </Text>
    );
  }
  if (results.isPending) return <CenterLoader />;
  if (results.error) return <ErrorAlert error={results.error} />;
  const r = results.data;

  return (
    <Stack gap="md" data-testid="results-tab">
      {r.decision ? (
        <Alert
          color="green"
          variant="light"
          icon={<IconChecks size={18} />}
          title={t('honours.results.decidedTitle')}
          data-testid="results-decision"
        >
          {t('honours.results.decision', { number: r.decision.number, date: formatDate(r.decision.date) })}
        </Alert>
      ) : (
        <Alert color="blue" variant="light" data-testid="results-provisional">
          {t('honours.results.provisional')}
        </Alert>
      )}
      <Group justify="space-between" align="center" gap="sm" wrap="wrap">
        <Text size="sm" data-testid="results-totals">
          {t('honours.results.totals', {
            n: formatNumber(r.totals.count, lang),
            quota: formatNumber(r.totals.quota, lang),
          })}
          {r.totals.shortfall
            ? ` · ${t('honours.results.shortfall', { n: formatNumber(r.totals.shortfall, lang) })}`
            : ''}
        </Text>
        <Group gap="xs" wrap="wrap">
          {manage && !r.decided ? (
            <Button
              leftSection={<IconChecks size={16} />}
              onClick={() => setConfirming(true)}
              disabled={r.totals.count === 0}
              data-testid="results-confirm"
            >
              {t('honours.results.confirm')}
            </Button>
          ) : null}
          {r.decided ? (
            <>
              <Button
                component="a"
                href={documentUrl(campaign.id, 'decision.docx')}
                download
                variant="light"
                size="xs"
                leftSection={<IconFileTypeDocx size={16} />}
                data-testid="decision-docx"
              >
                {t('honours.results.decisionDocx')}
              </Button>
              <Button
                component="a"
                href={documentUrl(campaign.id, 'decision.pdf')}
                download
                variant="light"
                size="xs"
                leftSection={<IconFileTypePdf size={16} />}
                data-testid="decision-pdf"
              >
                {t('honours.results.decisionPdf')}
              </Button>
              <Button
                component="a"
                href={documentUrl(campaign.id, 'certificates.pdf')}
                download
                variant="light"
                size="xs"
                leftSection={<IconCertificate size={16} />}
                data-testid="certificates-pdf"
              >
                {t('honours.results.certificates')}
              </Button>
              <Button
                component="a"
                href={`/vinh-danh/${encodeURIComponent(campaign.code)}`}
                target="_blank"
                rel="noopener"
                variant="light"
                size="xs"
                leftSection={<IconWorld size={16} />}
                data-testid="roll-of-honour"
              >
                {t('honours.results.rollOfHonour')}
              </Button>
              {manage ? (
                <Button
                  size="xs"
                  leftSection={<IconSend size={16} />}
                  onClick={() => setProposing(true)}
                  data-testid="proposal-open"
                >
                  {t('honours.proposal.button')}
                </Button>
              ) : null}
            </>
          ) : null}
        </Group>
      </Group>
      {r.categories.map((c) => (
        <CategoryResults key={c.id} category={c} />
      ))}
      {confirming ? <ConfirmModal campaign={campaign} onClose={() => setConfirming(false)} /> : null}
      {proposing ? <ProposalModal campaign={campaign} results={r} onClose={() => setProposing(false)} /> : null}
    </Stack>
  );
}
