import { Badge } from '@mantine/core';
import type { TFunction } from 'i18next';
import { useTranslation } from 'react-i18next';
import { formatDate } from '../../app/format.ts';
import { systemToday } from '../../app/clock.ts';
import { daysUntil } from '../../../common/periods.ts';
import type { Drive, RegistrationStatus } from './api.ts';

/** Kinds of Party documents by the abbreviation in their symbol (Hướng dẫn 36-HD/VPTW): "15-KH/ĐUK" is a plan. */
const docKinds = {
  KH: 'kh',
  HD: 'hd',
  CV: 'cv',
  QĐ: 'qd',
  QD: 'qd',
  TB: 'tb',
  CT: 'ct',
  NQ: 'nq',
  BC: 'bc',
  CTR: 'ctr',
} as const;
type DocKind = (typeof docKinds)[keyof typeof docKinds] | 'other';

export function documentKind(number: string): DocKind {
  const symbol = number.split('/')[0]?.split('-').slice(1).join('-').trim().toUpperCase() ?? '';
  return (docKinds as Record<string, DocKind>)[symbol] ?? 'other';
}

/** "Kế hoạch số 15-KH/ĐUK ngày 10/06/2019", or null when the drive names no document. */
export function documentLine(drive: Pick<Drive, 'launchNumber' | 'launchDate'>, t: TFunction): string | null {
  if (!drive.launchNumber)
    return drive.launchDate ? t('emulation.document.dateOnly', { date: formatDate(drive.launchDate) }) : null;
  const kind = t(`emulation.document.kinds.${documentKind(drive.launchNumber)}`);
  return drive.launchDate
    ? t('emulation.document.line', { kind, number: drive.launchNumber, date: formatDate(drive.launchDate) })
    : t('emulation.document.lineNoDate', { kind, number: drive.launchNumber });
}

export const periodText = (d: Pick<Drive, 'start' | 'end'>) => `${formatDate(d.start)}–${formatDate(d.end)}`;

export const today = () => systemToday();

/** Where a drive stands today: closed by the Bloc, not started, running, or past its end awaiting the Bloc's evaluation. */
export type Phase = 'closed' | 'upcoming' | 'running' | 'ended';
export function phaseOf(d: Pick<Drive, 'status' | 'start' | 'end'>, now = today()): Phase {
  if (d.status === 'closed') return 'closed';
  if (daysUntil(d.start, now) > 0) return 'upcoming';
  if (daysUntil(d.end, now) >= 0) return 'running';
  return 'ended';
}

const phaseColors: Record<Phase, string> = { closed: 'gray', upcoming: 'blue', running: 'green', ended: 'orange' };

export function DriveStatusBadge({ drive }: { drive: Pick<Drive, 'status' | 'start' | 'end'> }) {
  const { t } = useTranslation();
  const phase = phaseOf(drive);
  return (
    <Badge
      color={phaseColors[phase]}
      variant="light"
      radius="sm"
      tt="none"
      style={{ flexShrink: 0 }}
      data-testid="drive-status"
      data-phase={phase}
    >
      {t(`emulation.phase.${phase}`)}
    </Badge>
  );
}

/** "Còn 12 ngày", "Bắt đầu sau 3 ngày", "Đã hết thời gian thi đua (30/08/2019)". */
export function daysLeftText(d: Pick<Drive, 'start' | 'end'>, t: TFunction, now = today()): string {
  const toStart = daysUntil(d.start, now);
  if (toStart > 0) return t('emulation.days.startsIn', { days: toStart });
  const left = daysUntil(d.end, now);
  if (left > 0) return t('emulation.days.left', { days: left });
  if (left === 0) return t('emulation.days.lastDay');
  return t('emulation.days.ended', { date: formatDate(d.end) });
}

const registrationColors: Record<RegistrationStatus, string> = {
  submitted: 'blue',
  returned: 'orange',
  accepted: 'green',
};

export function RegistrationBadge({ status }: { status: RegistrationStatus }) {
  const { t } = useTranslation();
  return (
    <Badge
      color={registrationColors[status]}
      variant="light"
      radius="sm"
      tt="none"
      style={{ flexShrink: 0 }}
      data-testid="registration-status"
      data-status={status}
    >
      {t(`emulation.registrationStatus.${status}`)}
    </Badge>
  );
}

/** 8,5 or 8.5: scores and results in the reader's way of writing numbers, at most two decimals. */
export function formatScore(value: number, lang: string): string {
  return new Intl.NumberFormat(lang === 'en' ? 'en-GB' : 'vi-VN', { maximumFractionDigits: 2 }).format(value);
}
