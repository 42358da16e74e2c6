import { Badge, Group, Text } from '@mantine/core';
import type { TFunction } from 'i18next';
import { useTranslation } from 'react-i18next';
import type { Outcome, Quorum, Rules } from './api.ts';

/** "trên 50%", "từ 70%": the approval share as the rules word it. */
export function shareText(rules: Rules, t: TFunction): string {
  const percent = `${Math.round(rules.approval.share * 1000) / 10}%`;
  return t(rules.approval.strict ? 'council.rules.shareStrict' : 'council.rules.shareAtLeast', { percent });
}

/** The rules of a session in one or two lines: quorum, what passes, how ties are settled, written votes. */
export function rulesLines(rules: Rules, t: TFunction): string[] {
  return [
    t('council.rules.quorumLine', { fraction: `${rules.quorum.numerator}/${rules.quorum.denominator}` }),
    rules.method === 'rank'
      ? t('council.rules.rankLine')
      : t('council.rules.approveLine', {
          share: shareText(rules, t),
          base: t(`council.rules.bases.${rules.approval.base}`),
        }),
    t('council.rules.tieLine'),
    rules.writtenVotes ? t('council.rules.writtenYes') : t('council.rules.writtenNo'),
  ];
}

const outcomeColors: Record<Outcome, string> = {
  selected: 'green',
  tied: 'orange',
  passed_over_quota: 'blue',
  not_passed: 'gray',
};

export function OutcomeBadge({ outcome }: { outcome: Outcome }) {
  const { t } = useTranslation();
  return (
    <Badge
      color={outcomeColors[outcome]}
      variant="light"
      radius="sm"
      tt="none"
      style={{ flexShrink: 0, minWidth: 'max-content' }}
      data-testid="outcome"
      data-outcome={outcome}
    >
      {t(`council.outcome.${outcome}`)}
    </Badge>
  );
}

export function RoundStatusBadge({ status }: { status: 'open' | 'counting' | 'closed' }) {
  const { t } = useTranslation();
  return (
    <Badge
      color={status === 'open' ? 'red' : status === 'counting' ? 'orange' : 'gray'}
      variant={status === 'open' ? 'filled' : 'light'}
      radius="sm"
      tt="none"
      style={{ flexShrink: 0, minWidth: 'max-content' }}
      data-testid="round-status"
      data-status={status}
    >
      {t(`council.round.status.${status}`)}
    </Badge>
  );
}

/** Needed / present / met, in one line. */
export function QuorumLine({ quorum }: { quorum: Quorum }) {
  const { t } = useTranslation();
  return (
    <Group gap="xs" wrap="wrap" data-testid="quorum" data-met={quorum.met ? 'yes' : 'no'}>
      <Text size="sm">
        {t('council.quorum.line', { present: quorum.present, members: quorum.members, needed: quorum.needed })}
      </Text>
      <Badge color={quorum.met ? 'green' : 'orange'} variant="light" radius="sm" tt="none">
        {quorum.met ? t('council.quorum.met') : t('council.quorum.notMet')}
      </Badge>
    </Group>
  );
}
