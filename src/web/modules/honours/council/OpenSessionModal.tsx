import { useState, type FormEvent } from 'react';
import { Fieldset, Modal, SegmentedControl, Select, SimpleGrid, Stack, Switch, Text, Textarea } from '@mantine/core';
import { DateInput } from '@mantine/dates';
import { useMediaQuery } from '@mantine/hooks';
import { notifications } from '@mantine/notifications';
import { useNavigate } from '@tanstack/react-router';
import { useTranslation } from 'react-i18next';
import { ApiError } from '../../../app/api.ts';
import { DATE_FORMAT } from '../../../app/format.ts';
import { fieldError } from '../../../ui/errors.tsx';
import { FormActions } from '../../../ui/FormActions.tsx';
import { isoOf } from '../../organisation/api.ts';
import { useCreateSession, type ApprovalBase, type Method } from './api.ts';
import { RosterField, type PickedMember } from './RosterField.tsx';

/** The quorums and approval shares the Council's regulations use; a session fixes one of each beforehand. */
const quorums = { half: [1, 2], twoThirds: [2, 3], threeQuarters: [3, 4], all: [1, 1] } as const;
type QuorumKey = keyof typeof quorums;
const shares = {
  gt50: { share: 0.5, strict: true },
  ge70: { share: 0.7, strict: false },
  ge90: { share: 0.9, strict: false },
} as const;
type ShareKey = keyof typeof shares;
/** The bases are worded to sit inside a sentence; as a choice of their own they start with a capital. */
const capitalised = (text: string) => text.charAt(0).toLocaleUpperCase('vi') + text.slice(1);

type Draft = {
  title: string;
  heldOn: string | null;
  members: PickedMember[];
  quorum: QuorumKey;
  share: ShareKey;
  base: ApprovalBase;
  method: Method;
  writtenVotes: boolean;
};
const FIELDS = ['title', 'heldOn', 'members', 'rules.quorum'];

/** "Mở phiên họp": title, date, roster, and the rules fixed before anyone votes. */
export function OpenSessionModal({ campaignId, onClose }: { campaignId: string; onClose: () => void }) {
  const { t, i18n } = useTranslation();
  const phone = useMediaQuery('(max-width: 36em)');
  const navigate = useNavigate();
  const create = useCreateSession();
  const [d, setD] = useState<Draft>({
    title: '',
    heldOn: null,
    members: [],
    quorum: 'twoThirds',
    share: 'gt50',
    base: 'members',
    method: 'approve',
    writtenVotes: false,
  });
  const [local, setLocal] = useState<Record<string, string>>({});
  const set = (change: Partial<Draft>) => {
    setD((x) => ({ ...x, ...change }));
    setLocal((l) => Object.fromEntries(Object.entries(l).filter(([k]) => !(k in change))));
  };
  const server = create.error instanceof ApiError ? create.error : null;
  const fe = (field: string) => local[field] ?? fieldError(server, field, i18n.language);

  const submit = (e: FormEvent) => {
    e.preventDefault();
    const found: Record<string, string> = {};
    if (!d.title.trim()) found.title = t('common.required');
    if (!d.heldOn) found.heldOn = t('common.required');
    if (!d.members.length) found.members = t('council.open.noMembers');
    else if (d.members.filter((m) => m.role === 'chair').length > 1) found.members = t('council.open.oneChair');
    setLocal(found);
    if (Object.keys(found).length) return;
    const [numerator, denominator] = quorums[d.quorum];
    create.mutate(
      {
        campaignId,
        title: d.title.trim(),
        heldOn: d.heldOn!,
        members: d.members.map((m) => ({ userId: m.userId, role: m.role })),
        rules: {
          quorum: { numerator, denominator },
          approval: { ...shares[d.share], base: d.base },
          method: d.method,
          tieBreak: 'further_round',
          writtenVotes: d.writtenVotes,
        },
      },
      {
        onSuccess: (session) => {
          notifications.show({ color: 'green', message: t('council.open.done') });
          onClose();
          void navigate({ to: '/honours/sessions/$sessionId', params: { sessionId: session.id } });
        },
      },
    );
  };

  return (
    <Modal opened onClose={onClose} title={t('council.open.title')} size="lg" fullScreen={phone}>
      <form onSubmit={submit} noValidate data-testid="session-form">
        <Stack gap="sm">
          <Textarea
            label={t('council.open.sessionTitle')}
            placeholder={t('council.open.titlePlaceholder')}
            autosize
            minRows={2}
            required
            value={d.title}
            onChange={(e) => set({ title: e.currentTarget.value })}
            error={fe('title')}
            name="title"
          />
          <DateInput
            label={t('council.open.heldOn')}
            required
            value={d.heldOn}
            onChange={(v) => set({ heldOn: isoOf(v) })}
            error={fe('heldOn')}
            valueFormat={DATE_FORMAT}
            placeholder="dd/mm/yyyy"
            name="heldOn"
            maw={220}
          />
          <RosterField value={d.members} onChange={(members) => set({ members })} error={fe('members')} />
          <Fieldset legend={t('council.open.rules')} p="sm">
            <Stack gap="sm">
              <Text size="xs" c="dimmed">
                {t('council.open.rulesHint')}
              </Text>
              <SimpleGrid cols={{ base: 1, xs: 2 }} spacing="sm">
                <Select
                  label={t('council.open.quorum')}
                  data={(Object.keys(quorums) as QuorumKey[]).map((k) => ({
                    value: k,
                    label: t(`council.open.quorums.${k}`),
                  }))}
                  value={d.quorum}
                  onChange={(v) => v && set({ quorum: v as QuorumKey })}
                  allowDeselect={false}
                  error={fe('rules.quorum')}
                  data-testid="rule-quorum"
                />
                <Select
                  label={t('council.open.method')}
                  data={(['approve', 'rank'] as Method[]).map((m) => ({
                    value: m,
                    label: t(`council.open.methods.${m}`),
                  }))}
                  value={d.method}
                  onChange={(v) => v && set({ method: v as Method })}
                  allowDeselect={false}
                  data-testid="rule-method"
                />
              </SimpleGrid>
              {d.method === 'approve' ? (
                <SimpleGrid cols={{ base: 1, xs: 2 }} spacing="sm">
                  <Select
                    label={t('council.open.share')}
                    data={(Object.keys(shares) as ShareKey[]).map((k) => ({
                      value: k,
                      label: t(`council.open.shares.${k}`),
                    }))}
                    value={d.share}
                    onChange={(v) => v && set({ share: v as ShareKey })}
                    allowDeselect={false}
                    data-testid="rule-share"
                  />
                  <Select
                    label={t('council.open.base')}
                    data={(['members', 'present', 'cast'] as ApprovalBase[]).map((b) => ({
                      value: b,
                      label: capitalised(t(`council.rules.bases.${b}`)),
                    }))}
                    value={d.base}
                    onChange={(v) => v && set({ base: v as ApprovalBase })}
                    allowDeselect={false}
                    data-testid="rule-base"
                  />
                </SimpleGrid>
              ) : null}
              <Stack gap={4}>
                <Text size="sm" fw={500}>
                  {t('council.open.tieBreak')}
                </Text>
                <SegmentedControl
                  data={[{ value: 'further_round', label: t('council.open.furtherRound') }]}
                  value="further_round"
                  size="xs"
                  readOnly
                />
              </Stack>
              <Switch
                label={t('council.open.writtenVotes')}
                description={t('council.open.writtenVotesHint')}
                checked={d.writtenVotes}
                onChange={(e) => set({ writtenVotes: e.currentTarget.checked })}
                data-testid="rule-written"
              />
            </Stack>
          </Fieldset>
          <FormActions
            error={create.error}
            fields={FIELDS}
            busy={create.isPending}
            onCancel={onClose}
            submitLabel={t('council.open.submit')}
          />
        </Stack>
      </form>
    </Modal>
  );
}
