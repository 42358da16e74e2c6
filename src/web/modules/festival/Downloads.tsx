import { Card, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { type DownloadLink, DownloadLinks } from '../../ui/DownloadLinks.tsx';
import { IssuedNumber } from '../../ui/IssuedNumber.tsx';
import { type Round, useDecisionNumber, useIssueDecision } from './api.ts';

/**
 * A round's papers, each a plain link to the server's document route, shown only to whom the
 * server hands them: blank score sheets for the panel and the organisers; filled sheets and the
 * judges' minutes once the round is closed, for the head judge and the organisers; the prize
 * decision once certified; the certificates for the organisers.
 */

export function RoundDownloads({ round, manage }: { round: Round; manage: boolean }) {
  const { t } = useTranslation();
  const at = `/api/festival-rounds/${round.id}`;
  const head = round.me?.head ?? false;
  const certified = round.status === 'certified';
  const number = useDecisionNumber(round.id, certified);
  const issue = useIssueDecision(round.id);
  const links: DownloadLink[] = [];
  if (round.me || manage)
    links.push({
      href: `${at}/score-sheets.pdf`,
      label: t('festival.docs.blankSheets'),
      kind: 'pdf',
      testId: 'download-sheets-blank',
    });
  if (round.status !== 'open' && (head || manage))
    links.push(
      {
        href: `${at}/score-sheets.pdf?filled=true`,
        label: t('festival.docs.filledSheets'),
        kind: 'pdf',
        testId: 'download-sheets-filled',
      },
      {
        href: `${at}/minutes.docx`,
        label: t('festival.docs.minutesDocx'),
        kind: 'docx',
        testId: 'download-minutes-docx',
      },
      { href: `${at}/minutes.pdf`, label: t('festival.docs.minutesPdf'), kind: 'pdf', testId: 'download-minutes-pdf' },
    );
  if (round.status === 'certified')
    links.push(
      {
        href: `${at}/decision.docx`,
        label: t('festival.docs.decisionDocx'),
        kind: 'docx',
        testId: 'download-decision-docx',
      },
      {
        href: `${at}/decision.pdf`,
        label: t('festival.docs.decisionPdf'),
        kind: 'pdf',
        testId: 'download-decision-pdf',
      },
    );
  if (round.status === 'certified' && manage)
    links.push({
      href: `${at}/certificates.pdf`,
      label: t('festival.docs.certificates'),
      kind: 'pdf',
      testId: 'download-certificates',
    });
  if (links.length === 0) return null;
  return (
    <Card withBorder bg="white" data-testid="round-documents">
      <Title order={4} mb="xs">
        {t('festival.docs.title')}
      </Title>
      <DownloadLinks links={links} />
      {certified ? (
        <IssuedNumber
          issued={number.data?.issued}
          mayIssue={manage}
          onIssue={() => issue.mutate(undefined)}
          pending={issue.isPending}
          error={issue.error}
          labels={{
            issued: (symbol, day) => t('festival.docs.decisionNumber', { symbol, day }),
            blank: t('festival.docs.decisionBlank'),
            issue: t('festival.docs.decisionIssue'),
          }}
          testId="decision-number"
        />
      ) : null}
    </Card>
  );
}
