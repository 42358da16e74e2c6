import { useEffect, useRef, useState } from 'react';
import {
  Alert,
  Badge,
  Button,
  Card,
  Group,
  NumberInput,
  Select,
  SimpleGrid,
  Stack,
  Table,
  Text,
  Textarea,
} from '@mantine/core';
import { IconPlayerPlay, IconPlayerStop } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { syllableCount } from '../../../common/ceremony/reading.ts';
import { formatDate } from '../../app/format.ts';
import { ConfirmButton } from '../../ui/ConfirmButton.tsx';
import { ErrorAlert, fieldError } from '../../ui/errors.tsx';
import { type Ceremony, useClearRehearsal, useRecordRehearsal, useUpdateCeremony } from './api.ts';

const clock = (s: number) => `${Math.floor(s / 60)}:${String(s % 60).padStart(2, '0')}`;

/**
 * The rehearsal's calibration: the organiser picks a passage (a segment's MC lines or a text typed
 * in), starts the stopwatch as the MC begins and stops it at the last word (or types the seconds),
 * and records it; the server stores the timing and the pace it gives, and every reading time of the
 * programme follows.
 */
export function RehearsalTab({ ceremony, manage }: { ceremony: Ceremony; manage: boolean }) {
  const { t, i18n } = useTranslation();
  const record = useRecordRehearsal(ceremony.id);
  const clear = useClearRehearsal(ceremony.id);
  const update = useUpdateCeremony(ceremony.id);
  const [byHand, setByHand] = useState<number | ''>(ceremony.syllablesPerMinute);
  // a calibration (here or on another device) moves the field to the pace now in force
  useEffect(() => setByHand(ceremony.syllablesPerMinute), [ceremony.syllablesPerMinute]);
  const withLines = ceremony.segments.filter((s) => syllableCount(s.mcLines) >= 10);
  const [source, setSource] = useState<string | null>(withLines[0]?.id ?? null);
  const [text, setText] = useState(withLines[0]?.mcLines ?? '');
  const [seconds, setSeconds] = useState<number | ''>('');
  const [startedAt, setStartedAt] = useState<number | null>(null);
  const [tick, setTick] = useState(0);
  const timer = useRef<number | null>(null);
  useEffect(() => {
    if (startedAt === null) return;
    timer.current = window.setInterval(() => setTick(Date.now()), 250);
    return () => {
      if (timer.current) window.clearInterval(timer.current);
    };
  }, [startedAt]);
  const running = startedAt !== null ? Math.floor(((tick || Date.now()) - startedAt) / 1000) : null;
  const syllables = syllableCount(text);
  const pace = typeof seconds === 'number' && seconds > 0 ? Math.round((syllables * 60) / seconds) : null;
  return (
    <Stack>
      <Group gap="xs">
        <Badge size="lg" variant="light" data-testid="rehearsal-pace">
          {t('ceremony.rehearsal.pace', { n: ceremony.syllablesPerMinute })}
        </Badge>
        <Text size="sm" c="dimmed">
          {t('ceremony.rehearsal.timings', { count: ceremony.rehearsal.length })}
        </Text>
      </Group>
      {manage ? (
        <Card withBorder bg="white">
          <form
            onSubmit={(e) => {
              e.preventDefault();
              if (typeof seconds !== 'number') return;
              record.mutate({ text, seconds }, { onSuccess: () => setSeconds('') });
            }}
          >
            <Stack>
              <Select
                label={t('ceremony.rehearsal.source')}
                data={[
                  ...withLines.map((s) => ({ value: s.id, label: `${s.position}. ${s.title}` })),
                  { value: 'free', label: t('ceremony.rehearsal.free') },
                ]}
                value={source}
                onChange={(v) => {
                  setSource(v);
                  const s = withLines.find((x) => x.id === v);
                  setText(s ? s.mcLines : '');
                }}
                data-testid="rehearsal-source"
              />
              <Textarea
                label={t('ceremony.rehearsal.passage')}
                description={t('ceremony.rehearsal.syllables', { n: syllables })}
                autosize
                minRows={4}
                maxRows={12}
                value={text}
                onChange={(e) => setText(e.currentTarget.value)}
                error={fieldError(record.error, 'text', i18n.language)}
                data-testid="rehearsal-text"
              />
              <SimpleGrid cols={{ base: 1, sm: 3 }}>
                <Group align="flex-end">
                  {startedAt === null ? (
                    <Button
                      variant="light"
                      leftSection={<IconPlayerPlay size={16} />}
                      onClick={() => {
                        setTick(0);
                        setStartedAt(Date.now());
                      }}
                      data-testid="rehearsal-start"
                    >
                      {t('ceremony.rehearsal.start')}
                    </Button>
                  ) : (
                    <Button
                      color="red"
                      leftSection={<IconPlayerStop size={16} />}
                      onClick={() => {
                        setSeconds(Math.max(1, Math.round((Date.now() - startedAt) / 1000)));
                        setStartedAt(null);
                      }}
                      data-testid="rehearsal-stop"
                    >
                      {t('ceremony.rehearsal.stop')} {clock(running ?? 0)}
                    </Button>
                  )}
                </Group>
                <NumberInput
                  label={t('ceremony.rehearsal.seconds')}
                  min={1}
                  max={3600}
                  value={seconds}
                  onChange={(v) => setSeconds(typeof v === 'number' ? v : '')}
                  error={fieldError(record.error, 'seconds', i18n.language)}
                  data-testid="rehearsal-seconds"
                />
                <Group align="flex-end" justify="space-between">
                  <Text size="sm">{pace ? t('ceremony.rehearsal.measured', { n: pace }) : ''}</Text>
                  <Button type="submit" loading={record.isPending} disabled={!seconds} data-testid="rehearsal-save">
                    {t('ceremony.rehearsal.save')}
                  </Button>
                </Group>
              </SimpleGrid>
              {record.error &&
              !fieldError(record.error, 'text', i18n.language) &&
              !fieldError(record.error, 'seconds', i18n.language) ? (
                <ErrorAlert error={record.error} />
              ) : null}
            </Stack>
          </form>
        </Card>
      ) : (
        <Alert color="gray">{t('ceremony.rehearsal.readOnly')}</Alert>
      )}
      {ceremony.rehearsal.length ? (
        <Table.ScrollContainer minWidth={520}>
          <Table striped data-testid="rehearsal-table">
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t('ceremony.rehearsal.when')}</Table.Th>
                <Table.Th>{t('ceremony.rehearsal.passage')}</Table.Th>
                <Table.Th>{t('ceremony.rehearsal.seconds')}</Table.Th>
                <Table.Th>{t('ceremony.rehearsal.perMinute')}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {ceremony.rehearsal.map((r) => (
                <Table.Tr key={r.at} data-testid="rehearsal-row">
                  <Table.Td>{formatDate(r.at.slice(0, 10))}</Table.Td>
                  <Table.Td>
                    <Text size="sm" lineClamp={2}>
                      {r.text}
                    </Text>
                    <Text size="xs" c="dimmed">
                      {t('ceremony.rehearsal.syllables', { n: r.syllables })}
                    </Text>
                  </Table.Td>
                  <Table.Td>{clock(r.seconds)}</Table.Td>
                  <Table.Td>{Math.round((r.syllables * 60) / r.seconds)}</Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      ) : null}
      {manage ? (
        <Group align="flex-end">
          <NumberInput
            label={t('ceremony.rehearsal.byHand')}
            min={60}
            max={400}
            w={200}
            value={byHand}
            onChange={(v) => setByHand(typeof v === 'number' ? v : '')}
            error={fieldError(update.error, 'syllablesPerMinute', i18n.language)}
            data-testid="rehearsal-by-hand"
          />
          <Button
            variant="light"
            disabled={typeof byHand !== 'number' || byHand === ceremony.syllablesPerMinute}
            loading={update.isPending}
            onClick={() => typeof byHand === 'number' && update.mutate({ syllablesPerMinute: byHand })}
          >
            {t('ceremony.rehearsal.setPace')}
          </Button>
        </Group>
      ) : null}
      {manage && ceremony.rehearsal.length ? (
        <Group>
          <ConfirmButton
            variant="subtle"
            color="red"
            question={t('ceremony.rehearsal.clearConfirm')}
            confirmLabel={t('ceremony.rehearsal.clear')}
            onConfirm={() => clear.mutate()}
          >
            {t('ceremony.rehearsal.clear')}
          </ConfirmButton>
        </Group>
      ) : null}
      <Table.ScrollContainer minWidth={480}>
        <Table striped data-testid="reading-table">
          <Table.Thead>
            <Table.Tr>
              <Table.Th>{t('ceremony.programme.segment')}</Table.Th>
              <Table.Th>{t('ceremony.rehearsal.reading')}</Table.Th>
              <Table.Th>{t('ceremony.rehearsal.planned')}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {ceremony.segments
              .filter((s) => s.readingSeconds > 0)
              .map((s) => (
                <Table.Tr key={s.id} data-testid="reading-row">
                  <Table.Td>{s.title}</Table.Td>
                  <Table.Td>{clock(s.readingSeconds)}</Table.Td>
                  <Table.Td>
                    <Text size="sm" c={s.readingSeconds > s.minutes * 60 ? 'red' : undefined}>
                      {s.minutes}′
                    </Text>
                  </Table.Td>
                </Table.Tr>
              ))}
          </Table.Tbody>
        </Table>
      </Table.ScrollContainer>
    </Stack>
  );
}
