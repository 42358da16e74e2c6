import { Card, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { type DownloadLink, DownloadLinks } from '../../ui/DownloadLinks.tsx';
import type { Ceremony } from './api.ts';

/**
 * The ceremony's papers, each a plain link to the server's document route, shown only to whom the
 * server hands them: the programme and the seating plan to every follower; the MC's script and the
 * cue sheet to the show's crew (`ceremony.call`); every guest's invitation to the organisers; the
 * post-show report once the ceremony is held.
 */
export function CeremonyDownloads({ ceremony, call, manage }: { ceremony: Ceremony; call: boolean; manage: boolean }) {
  const { t } = useTranslation();
  const at = `/api/ceremonies/${ceremony.id}`;
  const link = (
    file: string,
    kind: DownloadLink['kind'],
    key: keyof typeof import('./i18n/vi.json')['ceremony']['docs'],
  ): DownloadLink => ({
    href: `${at}/${file}`,
    label: t(`ceremony.docs.${key}`),
    kind,
    testId: `download-${file.replace('.', '-')}`,
  });
  const links: DownloadLink[] = [
    link('programme.docx', 'docx', 'programmeDocx'),
    link('programme.pdf', 'pdf', 'programmePdf'),
  ];
  if (call)
    links.push(
      link('script.docx', 'docx', 'scriptDocx'),
      link('script.pdf', 'pdf', 'scriptPdf'),
      link('cue-sheet.xlsx', 'xlsx', 'cuesXlsx'),
      link('cue-sheet.pdf', 'pdf', 'cuesPdf'),
    );
  links.push(link('seating.pdf', 'pdf', 'seatingPdf'), link('seating.xlsx', 'xlsx', 'seatingXlsx'));
  if (manage) links.push(link('invitations.pdf', 'pdf', 'invitationsPdf'));
  if (ceremony.heldOn) links.push(link('report.docx', 'docx', 'reportDocx'), link('report.pdf', 'pdf', 'reportPdf'));
  return (
    <Card withBorder bg="white" data-testid="ceremony-documents">
      <Title order={4} mb="xs">
        {t('ceremony.docs.title')}
      </Title>
      <DownloadLinks links={links} />
    </Card>
  );
}
