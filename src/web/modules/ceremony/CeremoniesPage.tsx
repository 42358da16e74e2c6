import { useState } from 'react';
import { Badge, Button, Group, Modal, SimpleGrid, Stack, Text, TextInput } from '@mantine/core';
import { IconMapPin, IconPlus } from '@tabler/icons-react';
import { Link, useNavigate } from '@tanstack/react-router';
import { useTranslation } from 'react-i18next';
import { useAuth } from '../../app/auth.tsx';
import { formatDate } from '../../app/format.ts';
import { fieldError } from '../../ui/errors.tsx';
import { FormActions } from '../../ui/FormActions.tsx';
import { NoPermission } from '../../ui/NoPermission.tsx';
import { UnitPicker } from '../organisation/UnitPicker.tsx';
import { CardGrid, ListPage, RecordCard } from '../../ui/ListPage.tsx';
import { type CeremonyInput, useCeremonies, useCeremonyLive, useCreateCeremony } from './api.ts';

function CreateModal({ onClose }: { onClose: () => void }) {
  const { t, i18n } = useTranslation();
  const create = useCreateCeremony();
  const navigate = useNavigate();
  const [form, setForm] = useState<CeremonyInput>({
    code: '',
    name: '',
    eventDate: '',
    venue: '',
    doors: '19:00',
    start: '19:30',
    targetEnd: '21:30',
  });
  const field = (key: keyof CeremonyInput, label: string, placeholder?: string) => (
    <TextInput
      label={label}
      placeholder={placeholder}
      required
      value={String(form[key] ?? '')}
      onChange={(e) => setForm({ ...form, [key]: e.currentTarget.value })}
      error={fieldError(create.error, key, i18n.language)}
      data-testid={`ceremony-create-${key}`}
    />
  );
  return (
    <Modal opened onClose={onClose} title={t('ceremony.create.title')} size="lg">
      <form
        onSubmit={(e) => {
          e.preventDefault();
          create.mutate(form, {
            onSuccess: (c) => {
              onClose();
              void navigate({ to: '/ceremonies/$ceremonyId', params: { ceremonyId: c.id } });
            },
          });
        }}
      >
        <Stack>
          {field('code', t('ceremony.create.code'), 'LE-2019')}
          {field('name', t('ceremony.create.name'))}
          {field('eventDate', t('ceremony.create.eventDate'), 'YYYY-MM-DD')}
          {field('venue', t('ceremony.create.venue'))}
          <SimpleGrid cols={3}>
            {field('doors', t('ceremony.create.doors'), 'HH:MM')}
            {field('start', t('ceremony.create.start'), 'HH:MM')}
            {field('targetEnd', t('ceremony.create.targetEnd'), 'HH:MM')}
          </SimpleGrid>
          <UnitPicker
            label={t('ceremony.create.organiser')}
            description={t('ceremony.create.organiserHint')}
            value={form.organiserUnitId ?? null}
            onChange={(organiserUnitId) => setForm({ ...form, organiserUnitId })}
            error={fieldError(create.error, 'organiserUnitId', i18n.language)}
            data-testid="ceremony-create-organiser"
          />
          <Text size="sm" c="dimmed">
            {t('ceremony.create.article13')}
          </Text>
          <FormActions
            error={create.error}
            fields={['code', 'name', 'eventDate', 'venue', 'doors', 'start', 'targetEnd', 'organiserUnitId']}
            busy={create.isPending}
            onCancel={onClose}
            submitLabel={t('ceremony.create.submit')}
          />
        </Stack>
      </form>
    </Modal>
  );
}

/** The ceremonies, latest first; the organisers set one up from here. */
export function CeremoniesPage() {
  const { t } = useTranslation();
  const auth = useAuth();
  const list = useCeremonies();
  const [creating, setCreating] = useState(false);
  useCeremonyLive();
  if (!auth.can('ceremony.read')) return <NoPermission />;
  const manage = auth.can('ceremony.manage');
  return (
    <ListPage
      title={t('ceremony.list.title')}
      description={t('ceremony.list.description')}
      actions={
        manage ? (
          <Button leftSection={<IconPlus size={16} />} onClick={() => setCreating(true)} data-testid="ceremony-new">
            {t('ceremony.create.button')}
          </Button>
        ) : undefined
      }
      query={list}
      empty={t('ceremony.list.empty')}
      after={creating ? <CreateModal onClose={() => setCreating(false)} /> : null}
    >
      {(items) => (
        <CardGrid wide>
          {items.map((c) => (
            <RecordCard
              key={c.id}
              code={c.code}
              name={c.name}
              link={(props) => <Link {...props} to="/ceremonies/$ceremonyId" params={{ ceremonyId: c.id }} />}
              testId="ceremony-card"
            >
              <Group gap="xs" mt={6}>
                <Text size="sm" c="dimmed">
                  {t('ceremony.list.when', { date: formatDate(c.eventDate), start: c.start, end: c.targetEnd })}
                </Text>
                {c.heldOn ? (
                  <Badge color="green" variant="light">
                    {t('ceremony.list.held')}
                  </Badge>
                ) : null}
                {c.published ? (
                  <Badge color="blue" variant="light">
                    {t('ceremony.list.published')}
                  </Badge>
                ) : null}
              </Group>
              <Group gap={4} mt={4} wrap="nowrap">
                <IconMapPin size={14} />
                <Text size="sm">{c.venue}</Text>
              </Group>
            </RecordCard>
          ))}
        </CardGrid>
      )}
    </ListPage>
  );
}
