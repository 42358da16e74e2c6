import { useState } from 'react';
import { Button, Card, Group, Modal, SimpleGrid, Stack, Text, TextInput } from '@mantine/core';
import { DateInput } from '@mantine/dates';
import { useTranslation } from 'react-i18next';
import { formatDate } from '../../app/format.ts';
import { fieldError } from '../../ui/errors.tsx';
import { FormActions } from '../../ui/FormActions.tsx';
import { type Ceremony, useIssueInvitation } from './api.ts';

/**
 * The invitation letter: before it is issued every guest's letter prints with a blank number (a
 * draft); issuing takes one GM number from the office's outgoing register for every letter, with
 * its date and signer.
 */
export function InvitationCard({ ceremony }: { ceremony: Ceremony }) {
  const { t, i18n } = useTranslation();
  const issue = useIssueInvitation(ceremony.id);
  const [open, setOpen] = useState(false);
  // the registry's signer offered, to be changed when someone else signs
  const [form, setForm] = useState({ date: '', ...ceremony.invitationSigner });
  const inv = ceremony.invitation;
  return (
    <Card withBorder bg="white" data-testid="invitation-card">
      <Group justify="space-between" wrap="wrap">
        <Text size="sm" data-testid="invitation-state">
          {inv
            ? t('ceremony.invitation.issued', { symbol: inv.symbol, date: formatDate(inv.date), name: inv.signer.name })
            : ceremony.invitationSigner.name
              ? `${t('ceremony.invitation.draft')} ${t('ceremony.invitation.draftSigner', ceremony.invitationSigner)}`
              : t('ceremony.invitation.draft')}
        </Text>
        {inv ? null : (
          <Button size="xs" onClick={() => setOpen(true)} data-testid="invitation-issue">
            {t('ceremony.invitation.issue')}
          </Button>
        )}
      </Group>
      {open ? (
        <Modal opened onClose={() => setOpen(false)} title={t('ceremony.invitation.issue')}>
          <form
            onSubmit={(e) => {
              e.preventDefault();
              issue.mutate(
                {
                  date: form.date,
                  signer: { authority: form.authority, position: form.position, name: form.name },
                },
                { onSuccess: () => setOpen(false) },
              );
            }}
          >
            <Stack>
              <DateInput
                label={t('ceremony.invitation.date')}
                valueFormat="DD/MM/YYYY"
                required
                value={form.date || null}
                onChange={(v) => setForm({ ...form, date: v ? String(v).slice(0, 10) : '' })}
                error={fieldError(issue.error, 'date', i18n.language)}
                data-testid="invitation-date"
              />
              <SimpleGrid cols={{ base: 1, sm: 2 }}>
                <TextInput
                  label={t('ceremony.invitation.authority')}
                  value={form.authority}
                  onChange={(e) => setForm({ ...form, authority: e.currentTarget.value })}
                />
                <TextInput
                  label={t('ceremony.invitation.position')}
                  required
                  value={form.position}
                  onChange={(e) => setForm({ ...form, position: e.currentTarget.value })}
                  error={fieldError(issue.error, 'signer.position', i18n.language)}
                  data-testid="invitation-position"
                />
              </SimpleGrid>
              <TextInput
                label={t('ceremony.invitation.signer')}
                required
                value={form.name}
                onChange={(e) => setForm({ ...form, name: e.currentTarget.value })}
                error={fieldError(issue.error, 'signer.name', i18n.language)}
                data-testid="invitation-signer"
              />
              <FormActions
                error={issue.error}
                fields={['date', 'signer.position', 'signer.name']}
                busy={issue.isPending}
                onCancel={() => setOpen(false)}
                submitLabel={t('ceremony.invitation.issue')}
              />
            </Stack>
          </form>
        </Modal>
      ) : null}
    </Card>
  );
}
