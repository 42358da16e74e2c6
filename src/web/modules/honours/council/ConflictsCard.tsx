import { useState, type FormEvent } from 'react';
import { Button, Card, Group, Select, Stack, Text, TextInput, Title } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useTranslation } from 'react-i18next';
import { ApiError } from '../../../app/api.ts';
import { ErrorAlert, fieldError } from '../../../ui/errors.tsx';
import { useDeclareConflict, type Session } from './api.ts';

/**
 * Conflicts of interest: a member declares, for themselves, the nominees they will be left out
 * of (a former unit, a relative…); everyone sees what has been declared.
 */
export function ConflictsCard({ session }: { session: Session }) {
  const { t, i18n } = useTranslation();
  const declare = useDeclareConflict(session.id);
  const [nominationId, setNominationId] = useState<string | null>(null);
  const [note, setNote] = useState('');
  const [missing, setMissing] = useState(false);
  const nominees = session.categories.flatMap((c) => c.nominees.map((n) => ({ ...n, category: c.name })));
  const nameOf = (id: string) => nominees.find((n) => n.id === id)?.name ?? '';
  const memberOf = (id: string) => session.roster.find((m) => m.userId === id)?.name ?? '';
  const mine = new Set(session.conflicts.filter((c) => c.userId === session.me?.userId).map((c) => c.nominationId));
  const groups = session.categories
    .map((c) => ({
      group: c.name,
      items: c.nominees
        .filter((n) => !mine.has(n.id))
        .map((n) => ({
          value: n.id,
          label: n.unitName && n.unitName !== n.name ? `${n.name} — ${n.unitName}` : n.name,
        })),
    }))
    .filter((g) => g.items.length);
  const server = declare.error instanceof ApiError ? declare.error : null;

  const submit = (e: FormEvent) => {
    e.preventDefault();
    if (!nominationId) return setMissing(true);
    declare.mutate(
      { nominationId, note: note.trim() || null },
      {
        onSuccess: () => {
          notifications.show({ color: 'green', message: t('council.conflicts.done', { name: nameOf(nominationId) }) });
          setNominationId(null);
          setNote('');
        },
      },
    );
  };

  return (
    <Card withBorder bg="white" data-testid="conflicts">
      <Stack gap="sm">
        <Title order={3} fz="md">
          {t('council.conflicts.title')}
        </Title>
        {session.conflicts.length ? (
          <Stack gap={4}>
            {session.conflicts.map((c) => (
              <Text key={`${c.userId}-${c.nominationId}`} size="sm" data-testid="conflict">
                <b>{memberOf(c.userId)}</b> — {nameOf(c.nominationId)}
                {c.note ? <Text span c="dimmed" size="sm">{` (${c.note})`}</Text> : null}
              </Text>
            ))}
          </Stack>
        ) : (
          <Text size="sm" c="dimmed">
            {t('council.conflicts.none')}
          </Text>
        )}
        {session.may.declare ? (
          <form onSubmit={submit} noValidate data-testid="conflict-form">
            <Stack gap="xs">
              <Text size="xs" c="dimmed">
                {t('council.conflicts.hint')}
              </Text>
              <Select
                label={t('council.conflicts.nominee')}
                data={groups}
                value={nominationId}
                onChange={(v) => {
                  setNominationId(v);
                  setMissing(false);
                }}
                searchable
                error={missing ? t('common.required') : fieldError(server, 'nominationId', i18n.language)}
                nothingFoundMessage={t('council.conflicts.noNominees')}
              />
              <TextInput
                label={t('council.conflicts.note')}
                placeholder={t('council.conflicts.notePlaceholder')}
                value={note}
                onChange={(e) => setNote(e.currentTarget.value)}
                maxLength={1000}
                error={fieldError(server, 'note', i18n.language)}
              />
              {server && !server.details.length ? <ErrorAlert error={server} /> : null}
              <Group justify="flex-end">
                <Button type="submit" variant="light" color="orange" loading={declare.isPending}>
                  {t('council.conflicts.declare')}
                </Button>
              </Group>
            </Stack>
          </form>
        ) : null}
      </Stack>
    </Card>
  );
}
