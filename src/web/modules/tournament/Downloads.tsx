import { useState } from 'react';
import { Group, Select, Stack } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { useAuth } from '../../app/auth.tsx';
import { formatDate } from '../../app/format.ts';
import { DownloadLinks as Links } from '../../ui/DownloadLinks.tsx';
import { IssuedNumber } from '../../ui/IssuedNumber.tsx';
import { type Tournament, useIssueNotice, useNoticeNumber } from './api.ts';

/**
 * The tournament's files, each a plain link to the server's document route: draw sheets, the
 * order of play, score sheets, the results and prize list, the medal table, the certificates.
 */
const base = (tournamentId: string) => `/api/tournaments/${tournamentId}`;

/** On the draw tab: the chosen event's draw sheet. */
export function DrawDownloads({ tournamentId, eventId }: { tournamentId: string; eventId: string }) {
  const { t } = useTranslation();
  const at = `${base(tournamentId)}/events/${eventId}`;
  return (
    <Links
      links={[
        { href: `${at}/draw.pdf`, label: t('tournament.docs.drawPdf'), kind: 'pdf', testId: 'download-draw-pdf' },
        { href: `${at}/draw.xlsx`, label: t('tournament.docs.drawXlsx'), kind: 'xlsx', testId: 'download-draw-xlsx' },
      ]}
    />
  );
}

/** On the order tab: the order of play by day and court. */
export function OrderDownloads({ tournamentId }: { tournamentId: string }) {
  const { t } = useTranslation();
  return (
    <Links
      links={[
        {
          href: `${base(tournamentId)}/order-of-play.pdf`,
          label: t('tournament.docs.orderPdf'),
          kind: 'pdf',
          testId: 'download-order-pdf',
        },
        {
          href: `${base(tournamentId)}/order-of-play.xlsx`,
          label: t('tournament.docs.orderXlsx'),
          kind: 'xlsx',
          testId: 'download-order-xlsx',
        },
      ]}
    />
  );
}

/** The tournament's days, from its first to its last. */
function daysOf(tournament: Tournament): string[] {
  const days: string[] = [];
  const end = Date.parse(`${tournament.endsOn}T00:00:00Z`);
  for (let d = Date.parse(`${tournament.startsOn}T00:00:00Z`); d <= end && days.length < 60; d += 86_400_000)
    days.push(new Date(d).toISOString().slice(0, 10));
  return days;
}

/** On the matches tab, for umpires and organisers: a chosen day's score sheets, or a blank one. */
export function ScoreSheetDownloads({ tournament }: { tournament: Tournament }) {
  const { t } = useTranslation();
  const auth = useAuth();
  const days = daysOf(tournament);
  const [day, setDay] = useState<string | null>(days[0] ?? null);
  if (!auth.can('tournament.score')) return null;
  return (
    <Group gap="xs" align="flex-end" style={{ rowGap: 6 }}>
      <Select
        label={t('tournament.docs.sheetDay')}
        data={days.map((d) => ({ value: d, label: formatDate(d) }))}
        value={day}
        onChange={setDay}
        allowDeselect={false}
        size="xs"
        w={150}
        data-testid="score-sheet-day"
      />
      <Links
        links={[
          ...(day
            ? [
                {
                  href: `${base(tournament.id)}/score-sheets.pdf?day=${day}`,
                  label: t('tournament.docs.sheetsOfDay'),
                  kind: 'pdf' as const,
                  testId: 'download-score-sheets',
                },
              ]
            : []),
          {
            href: `${base(tournament.id)}/score-sheets.pdf`,
            label: t('tournament.docs.sheetBlank'),
            kind: 'pdf',
            testId: 'download-score-sheet-blank',
          },
        ]}
      />
    </Group>
  );
}

/** On the standings tab: the results and prize list, the medal table by unit, and for the organisers the certificates. */
export function ResultDownloads({ tournamentId }: { tournamentId: string }) {
  const { t } = useTranslation();
  const auth = useAuth();
  const at = base(tournamentId);
  const number = useNoticeNumber(tournamentId);
  const issue = useIssueNotice(tournamentId);
  return (
    <Stack gap="xs">
      <Links
        links={[
          {
            href: `${at}/results.docx`,
            label: t('tournament.docs.resultsDocx'),
            kind: 'docx',
            testId: 'download-results-docx',
          },
          {
            href: `${at}/results.pdf`,
            label: t('tournament.docs.resultsPdf'),
            kind: 'pdf',
            testId: 'download-results-pdf',
          },
          {
            href: `${at}/medals.pdf`,
            label: t('tournament.docs.medalsPdf'),
            kind: 'pdf',
            testId: 'download-medals-pdf',
          },
          {
            href: `${at}/medals.xlsx`,
            label: t('tournament.docs.medalsXlsx'),
            kind: 'xlsx',
            testId: 'download-medals-xlsx',
          },
          ...(auth.can('tournament.manage')
            ? [
                {
                  href: `${at}/certificates.pdf`,
                  label: t('tournament.docs.certificates'),
                  kind: 'pdf' as const,
                  testId: 'download-certificates',
                },
              ]
            : []),
        ]}
      />
      <IssuedNumber
        issued={number.data?.issued}
        mayIssue={auth.can('tournament.manage')}
        onIssue={() => issue.mutate(undefined)}
        pending={issue.isPending}
        error={issue.error}
        labels={{
          issued: (symbol, day) => t('tournament.docs.noticeNumber', { symbol, day }),
          blank: t('tournament.docs.noticeBlank'),
          issue: t('tournament.docs.noticeIssue'),
        }}
        testId="notice-number"
      />
    </Stack>
  );
}
