import { useState } from 'react';
import { Alert, Button, Card, Group, Stack, Table, Text, Title } from '@mantine/core';
import { IconListCheck, IconReportAnalytics } from '@tabler/icons-react';
import { Link } from '@tanstack/react-router';
import { useTranslation } from 'react-i18next';
import { CenterLoader } from '../../ui/CenterLoader.tsx';
import { ErrorAlert } from '../../ui/errors.tsx';
import { useRanking, type Criterion, type DriveDetail, type RankLine } from './api.ts';
import { CriteriaModal } from './CriteriaModal.tsx';
import { myParticipatingUnits } from './MyRegistration.tsx';
import { RankingTable } from './RankingTable.tsx';
import { ScoreModal } from './ScoreModal.tsx';
import { formatScore } from './shared.tsx';

/** For a unit officer: report the unit's results through the reporting module's form for the drive's campaign template. */
function ReportResults({ drive, myUnitIds }: { drive: DriveDetail; myUnitIds: string[] }) {
  const { t } = useTranslation();
  const units = myParticipatingUnits(drive, myUnitIds);
  const tpl = drive.template;
  if (!units.length) return null;
  if (!tpl?.campaignPeriodId) {
    return (
      <Alert color="gray" variant="light">
        {t('emulation.results.noTemplate')}
      </Alert>
    );
  }
  return (
    <Card bg="white" withBorder data-testid="report-results">
      <Title order={3} fz="md">
        {t('emulation.results.reportTitle')}
      </Title>
      <Text size="sm" c="dimmed" mt={4} mb="sm">
        {t('emulation.results.reportHint', { template: `${tpl.code} — ${tpl.name}` })}
      </Text>
      <Group gap="xs">
        {units.map((u) => (
          <Button
            key={u.id}
            leftSection={<IconReportAnalytics size={16} />}
            renderRoot={(props) => (
              <Link
                {...props}
                to="/reporting/form"
                search={{ templateId: tpl.id, unitId: u.id, periodId: tpl.campaignPeriodId! }}
              />
            )}
            data-testid="report-results-link"
          >
            {units.length > 1 && u.name
              ? t('emulation.results.reportFor', { unit: u.name })
              : t('emulation.results.report')}
          </Button>
        ))}
      </Group>
    </Card>
  );
}

/** The criteria in words: how each is scored and how much it weighs. */
function CriteriaCard({
  drive,
  criteria,
  manage,
  locked,
}: {
  drive: DriveDetail;
  criteria: Criterion[];
  manage: boolean;
  locked: boolean;
}) {
  const { t, i18n } = useTranslation();
  const lang = i18n.language;
  const [editing, setEditing] = useState(false);
  const indicatorName = (id: string | null) => drive.template?.indicators.find((i) => i.id === id)?.name ?? '';
  const weights = criteria.reduce((a, c) => a + c.weight, 0);
  const editable = manage && drive.status === 'open' && !locked;
  return (
    <Card bg="white" withBorder data-testid="criteria">
      <Group justify="space-between" gap="sm" wrap="wrap" mb="xs">
        <Title order={3} fz="md">
          {t('emulation.criteria.heading')}
        </Title>
        {editable ? (
          <Button
            variant="light"
            size="xs"
            leftSection={<IconListCheck size={14} />}
            onClick={() => setEditing(true)}
            data-testid="criteria-edit"
          >
            {criteria.length ? t('emulation.criteria.edit') : t('emulation.criteria.set')}
          </Button>
        ) : null}
      </Group>
      {criteria.length === 0 ? (
        <Text size="sm" c="dimmed">
          {manage ? t('emulation.criteria.emptyManage') : t('emulation.criteria.empty')}
        </Text>
      ) : (
        <Table.ScrollContainer minWidth={0}>
          <Table verticalSpacing={4} fz="sm" layout="fixed">
            <Table.Tbody>
              {criteria.map((c) => (
                <Table.Tr key={c.id} data-testid="criterion">
                  <Table.Td style={{ overflowWrap: 'anywhere' }}>
                    <Text size="sm" fw={500}>
                      {c.name}
                    </Text>
                    <Text size="xs" c="dimmed">
                      {c.method === 'indicator'
                        ? t('emulation.criteria.fromIndicator', { indicator: indicatorName(c.indicatorId) })
                        : t('emulation.criteria.byBloc')}
                      {' · '}
                      {t('emulation.criteria.maxLine', { max: formatScore(c.maxScore, lang) })}
                    </Text>
                  </Table.Td>
                  <Table.Td w={64} ta="right" style={{ whiteSpace: 'nowrap' }}>
                    {weights > 0 ? `${formatScore((c.weight / weights) * 100, lang)} %` : '—'}
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      )}
      {manage && locked && drive.status === 'open' ? (
        <Text size="xs" c="dimmed" mt="xs">
          {t('emulation.criteria.locked')}
        </Text>
      ) : null}
      {editing ? <CriteriaModal drive={drive} criteria={criteria} onClose={() => setEditing(false)} /> : null}
    </Card>
  );
}

/** Results and ranking: the unit's way to report, the criteria, and every participant's scores and total out of 100. */
export function ResultsTab({ drive, manage, myUnitIds }: { drive: DriveDetail; manage: boolean; myUnitIds: string[] }) {
  const { t } = useTranslation();
  const ranking = useRanking(drive.id);
  const [scoring, setScoring] = useState<RankLine | null>(null);
  const criteria = ranking.data?.criteria ?? [];
  const manualIds = new Set(criteria.filter((c) => c.method === 'manual').map((c) => c.id));
  const locked = (ranking.data?.items ?? []).some((l) =>
    l.scores.some((s) => manualIds.has(s.criterionId) && s.score !== null),
  );

  return (
    <Stack gap="md" data-testid="drive-results">
      <ReportResults drive={drive} myUnitIds={myUnitIds} />
      <ErrorAlert error={ranking.error} />
      {ranking.isPending ? <CenterLoader /> : null}
      {ranking.data ? (
        <>
          <CriteriaCard drive={drive} criteria={criteria} manage={manage} locked={locked} />
          <Card bg="white" withBorder>
            <Title order={3} fz="md">
              {t('emulation.ranking.title')}
            </Title>
            <Text size="sm" c="dimmed" mb="sm">
              {drive.status === 'closed' ? t('emulation.ranking.final') : t('emulation.ranking.live')}
            </Text>
            {criteria.length === 0 ? (
              <Text size="sm" c="dimmed" data-testid="ranking-empty">
                {t('emulation.ranking.noCriteria')}
              </Text>
            ) : ranking.data.items.length === 0 ? (
              <Text size="sm" c="dimmed" data-testid="ranking-empty">
                {t('emulation.ranking.noParticipants')}
              </Text>
            ) : (
              <RankingTable
                criteria={criteria}
                items={ranking.data.items}
                myUnitIds={myUnitIds}
                onScore={manage && drive.status === 'open' ? setScoring : undefined}
              />
            )}
          </Card>
        </>
      ) : null}
      {scoring ? (
        <ScoreModal driveId={drive.id} line={scoring} criteria={criteria} onClose={() => setScoring(null)} />
      ) : null}
    </Stack>
  );
}
