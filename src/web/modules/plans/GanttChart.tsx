import { Box, Group, Text, UnstyledButton } from '@mantine/core';
import { useElementSize, useMediaQuery } from '@mantine/hooks';
import { Fragment, useState, type CSSProperties, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { parseIsoDate, toIsoDate } from '../../../common/dates.ts';
import { formatDate } from '../../app/format.ts';
import type { Milestone, PlanSummary, Status, TimelineActivity } from './api.ts';
import { statusColors } from './StatusBadge.tsx';

// ---- calendar days as numbers (days since 1970-01-01), so that date arithmetic is plain ----

const DAY_MS = 86_400_000;

export function dayNumber(iso: string): number {
  const p = parseIsoDate(iso);
  if (!p) throw new RangeError(`not a calendar date: "${iso}"`);
  return Date.UTC(p.year, p.month - 1, p.day) / DAY_MS;
}

export function isoOfDay(day: number): string {
  const d = new Date(day * DAY_MS);
  return toIsoDate({ year: d.getUTCFullYear(), month: d.getUTCMonth() + 1, day: d.getUTCDate() });
}

/** 0 for Monday … 6 for Sunday. */
export function weekdayIndex(day: number): number {
  return (new Date(day * DAY_MS).getUTCDay() + 6) % 7;
}

/** "17/06": a tick label, or a milestone's date on the chart. */
function dayMonth(day: number): string {
  return formatDate(isoOfDay(day)).slice(0, 5);
}

// ---- the time axis ----

export type Axis = {
  /** First day shown (inclusive) and the day after the last one. */
  start: number;
  end: number;
  /** Pixels per day at the narrowest the chart is drawn; wider screens stretch it. */
  pxPerDay: number;
  minWidth: number;
  months: { day: number; month: number; year: number }[];
  weeks: number[];
};

/**
 * The axis covers the plan's period: from the earliest start (or deadline, or the period's
 * start) to the latest deadline, padded on both sides. Today is deliberately not pulled in: a
 * plan of 2019 seen in 2026 would otherwise shrink to a sliver at one end.
 */
export function timeAxis(
  plan: Pick<PlanSummary, 'periodStart' | 'periodDue'>,
  activities: TimelineActivity[],
  milestones: Milestone[],
  today: string,
): Axis {
  const dates = [
    plan.periodStart,
    plan.periodDue,
    ...activities.flatMap((a) => [a.start, a.due]),
    ...milestones.flatMap((m) => [m.start, m.due]),
  ]
    .filter((d): d is string => Boolean(d && parseIsoDate(d)))
    .map(dayNumber);
  const first = dates.length ? Math.min(...dates) : dayNumber(today) - 30;
  const last = dates.length ? Math.max(...dates) : dayNumber(today) + 30;
  const span = last - first + 1;
  const pad = Math.max(5, Math.round(span * 0.05));
  const start = first - pad;
  const end = last + pad + 1;
  const days = end - start;
  const pxPerDay = days <= 160 ? 6 : days <= 420 ? 2.5 : days <= 1100 ? 1 : 0.5;
  const months: Axis['months'] = [];
  const s = new Date(start * DAY_MS);
  for (let y = s.getUTCFullYear(), m = s.getUTCMonth(); ; m++) {
    const day = Date.UTC(y, m, 1) / DAY_MS;
    if (day >= end) break;
    const d = new Date(day * DAY_MS);
    months.push({ day: Math.max(day, start), month: d.getUTCMonth() + 1, year: d.getUTCFullYear() });
  }
  const weeks: number[] = [];
  if (pxPerDay * 7 >= 36) for (let d = start + ((7 - weekdayIndex(start)) % 7); d < end; d += 7) weeks.push(d);
  return { start, end, pxPerDay, minWidth: Math.ceil(days * pxPerDay), months, weeks };
}

// ---- drawing ----

const MILESTONE_COLOR = 'var(--mantine-color-violet-7)';
const shade = (status: Status, n: number) => `var(--mantine-color-${statusColors[status]}-${n})`;

type Props = {
  axis: Axis;
  activities: TimelineActivity[];
  milestones: Milestone[];
  today: string;
  /** "II.1" → "II.1. Phát động phong trào …", for the rows that head each section. */
  sectionLabel: (path: string) => string;
  /** Activities the plan carries out throughout its period (no deadline of their own). */
  continuous: Set<string>;
  period: { start: string; due: string } | null;
  onOpen: (activityId: string) => void;
};

/** A Gantt chart drawn with positioned boxes: one row per activity, grouped by section. */
export function GanttChart({ axis, activities, milestones, today, sectionLabel, continuous, period, onOpen }: Props) {
  const { t } = useTranslation();
  const phone = useMediaQuery('(max-width: 36em)');
  const { ref: boxRef, width: boxWidth } = useElementSize();
  const [hovered, setHovered] = useState<string | null>(null);
  const labelWidth = phone ? 150 : 300;
  const days = axis.end - axis.start;
  const pct = (day: number) => `${((day - axis.start) / days) * 100}%`;
  const within = (day: number) => day >= axis.start && day < axis.end;
  const todayDay = dayNumber(today);
  const monthTick = (month: number, year: number) => t('plans.timeline.monthTick', { month, year });

  const row = (
    key: string,
    height: number,
    label: ReactNode,
    track: ReactNode,
    options: { style?: CSSProperties; onClick?: () => void; title?: string; data?: Record<string, string> } = {},
  ) => {
    const { style, onClick, title, data } = options;
    return (
      <Box
        key={key}
        {...data}
        title={title}
        onClick={onClick}
        onMouseEnter={onClick ? () => setHovered(key) : undefined}
        onMouseLeave={onClick ? () => setHovered(null) : undefined}
        style={{
          display: 'flex',
          minHeight: height,
          borderBottom: '1px solid var(--mantine-color-gray-2)',
          cursor: onClick ? 'pointer' : undefined,
          ...style,
        }}
      >
        <Box
          style={{
            position: 'sticky',
            left: 0,
            zIndex: 2,
            width: labelWidth,
            flex: `0 0 ${labelWidth}px`,
            background: hovered === key ? 'var(--mantine-color-gray-0)' : 'var(--mantine-color-white)',
            borderRight: '1px solid var(--mantine-color-gray-3)',
            padding: '4px 8px',
            minWidth: 0,
            display: 'flex',
            flexDirection: 'column',
            justifyContent: 'center',
          }}
        >
          {label}
        </Box>
        <Box
          style={{
            position: 'relative',
            flex: 1,
            minWidth: axis.minWidth,
            background: hovered === key ? 'rgba(0,0,0,0.025)' : undefined,
          }}
        >
          {track}
        </Box>
      </Box>
    );
  };

  // Milestone dates below their diamonds, on a second line when two would touch.
  let lastLabelPx = -Infinity;
  let lastLevel = 1;
  const milestoneMarks = milestones
    .filter((m) => m.due && within(dayNumber(m.due)))
    .sort((a, b) => a.due!.localeCompare(b.due!))
    .map((m) => {
      const day = dayNumber(m.due!);
      const px = (day + 0.5 - axis.start) * axis.pxPerDay;
      const level = px - lastLabelPx < 40 && lastLevel === 0 ? 1 : 0;
      lastLabelPx = px;
      lastLevel = level;
      return { m, day, level };
    });

  const sections: { path: string; items: TimelineActivity[] }[] = [];
  for (const a of activities) {
    const last = sections[sections.length - 1];
    if (last && last.path === a.section) last.items.push(a);
    else sections.push({ path: a.section, items: [a] });
  }

  const bar = (a: TimelineActivity) => {
    const percent =
      a.status === 'done_on_time' || a.status === 'done_late' ? 100 : Math.max(0, Math.min(100, a.percent ?? 0));
    // A tentative date: a dashed ring around the mark, visible whatever its fill.
    const tentative: CSSProperties = a.tentative
      ? { outline: `2px dashed ${shade(a.status, 7)}`, outlineOffset: 2 }
      : {};
    if (!a.due) {
      if (continuous.has(a.id) && period) {
        return (
          <>
            <Box
              style={{
                position: 'absolute',
                top: '50%',
                transform: 'translateY(-50%)',
                left: pct(dayNumber(period.start)),
                width: `calc(${pct(dayNumber(period.due) + 1)} - ${pct(dayNumber(period.start))})`,
                height: 10,
                borderRadius: 5,
                background: `repeating-linear-gradient(135deg, ${shade(a.status, 2)} 0 6px, var(--mantine-color-white) 6px 10px)`,
                border: `1px solid ${shade(a.status, 3)}`,
              }}
              data-testid="gantt-bar"
            />
            <Text
              size="xs"
              c="dimmed"
              style={{ position: 'absolute', left: pct(dayNumber(period.start)), top: 2, whiteSpace: 'nowrap' }}
            >
              {t('plans.activity.continuous')}
              {a.percent !== null ? ` · ${a.percent}%` : ''}
            </Text>
          </>
        );
      }
      return (
        <Text
          size="xs"
          c="dimmed"
          fs="italic"
          style={{ position: 'absolute', left: 8, top: '50%', transform: 'translateY(-50%)', whiteSpace: 'nowrap' }}
        >
          {t('plans.activity.noDate')}
        </Text>
      );
    }
    const due = dayNumber(a.due);
    const start = a.start ? Math.min(dayNumber(a.start), due) : due;
    const point = start === due;
    // Done late: a thin line from the deadline to the day it was done, ending in a tick.
    const doneOn = a.doneOn && parseIsoDate(a.doneOn) ? dayNumber(a.doneOn) : null;
    const lateTo = a.status === 'done_late' && doneOn !== null && doneOn > due && within(doneOn) ? doneOn : null;
    const last = lateTo ?? due;
    const startRatio = (start - axis.start) / days;
    const endRatio = (last + 1 - axis.start) / days;
    const caption = `${point ? dayMonth(due) : `${dayMonth(start)}–${dayMonth(due)}`}${percent > 0 && percent < 100 ? ` · ${percent}%` : ''}`;
    // Beside the bar where there is room (right, else left); inside a long bar that spans the axis.
    const place = endRatio <= 0.8 ? 'right' : point || startRatio >= 0.3 ? 'left' : 'inside';
    const captionStyle: CSSProperties = {
      position: 'absolute',
      top: '50%',
      transform: 'translateY(-50%)',
      whiteSpace: 'nowrap',
      zIndex: 1,
      ...(place === 'right'
        ? { left: `calc(${pct(last + 1)} + ${point && lateTo === null ? 10 : 4}px)` }
        : place === 'left'
          ? { right: `calc(${(1 - startRatio) * 100}% + ${point ? 10 : 4}px)` }
          : {
              right: `calc(${(1 - endRatio) * 100}% + 6px)`,
              color: percent >= 80 ? 'var(--mantine-color-white)' : undefined,
            }),
    };
    return (
      <>
        {point ? (
          <Box
            style={{
              position: 'absolute',
              top: '50%',
              left: pct(due + 0.5),
              transform: 'translate(-50%, -50%)',
              width: 14,
              height: 14,
              borderRadius: '50%',
              border: `2px solid ${shade(a.status, 7)}`,
              ...tentative,
              background: `conic-gradient(${shade(a.status, 6)} 0 ${percent}%, ${shade(a.status, 1)} ${percent}% 100%)`,
              zIndex: 1,
            }}
            data-testid="gantt-bar"
            data-shape="point"
            data-tentative={a.tentative ? 'true' : undefined}
          />
        ) : (
          <Box
            style={{
              position: 'absolute',
              top: '50%',
              transform: 'translateY(-50%)',
              left: pct(start),
              width: `calc(${pct(due + 1)} - ${pct(start)})`,
              minWidth: 6,
              height: 16,
              borderRadius: 4,
              border: `1px solid ${shade(a.status, 7)}`,
              ...tentative,
              background: shade(a.status, 1),
              overflow: 'hidden',
              zIndex: 1,
            }}
            data-testid="gantt-bar"
            data-shape="bar"
            data-tentative={a.tentative ? 'true' : undefined}
          >
            <Box style={{ width: `${percent}%`, height: '100%', background: shade(a.status, 6) }} />
          </Box>
        )}
        {lateTo !== null ? (
          <>
            <Box
              style={{
                position: 'absolute',
                top: '50%',
                height: 2,
                marginTop: -1,
                left: pct(point ? due + 0.5 : due + 1),
                width: `calc(${pct(lateTo + 0.5)} - ${pct(point ? due + 0.5 : due + 1)})`,
                background: shade(a.status, 6),
              }}
            />
            <Box
              title={`${t('plans.activity.doneOn')} ${formatDate(a.doneOn)}`}
              style={{
                position: 'absolute',
                top: '50%',
                transform: 'translate(-50%, -50%)',
                left: pct(lateTo + 0.5),
                width: 3,
                height: 20,
                borderRadius: 1,
                background: shade(a.status, 8),
                zIndex: 1,
              }}
              data-testid="gantt-done-on"
            />
          </>
        ) : null}
        <Text size="xs" c="dimmed" style={captionStyle}>
          {caption}
        </Text>
      </>
    );
  };

  return (
    <Box ref={boxRef} data-testid="gantt" style={{ overflowX: 'auto', maxWidth: '100%', position: 'relative' }}>
      <Box style={{ minWidth: labelWidth + axis.minWidth, position: 'relative' }}>
        {/* grid lines, milestone lines and today's line, behind the rows */}
        <Box
          aria-hidden
          style={{ position: 'absolute', left: labelWidth, right: 0, top: 0, bottom: 0, pointerEvents: 'none' }}
        >
          {axis.weeks.map((d) => (
            <Box
              key={`w${d}`}
              style={{
                position: 'absolute',
                top: 0,
                bottom: 0,
                left: pct(d),
                borderLeft: '1px solid var(--mantine-color-gray-1)',
              }}
            />
          ))}
          {axis.months.slice(1).map((m) => (
            <Box
              key={`m${m.day}`}
              style={{
                position: 'absolute',
                top: 0,
                bottom: 0,
                left: pct(m.day),
                borderLeft: '1px solid var(--mantine-color-gray-3)',
              }}
            />
          ))}
          {milestoneMarks.map(({ m, day }) => (
            <Box
              key={`ml${m.id}`}
              style={{
                position: 'absolute',
                top: 44,
                bottom: 0,
                left: pct(day + 0.5),
                borderLeft: '1px dashed var(--mantine-color-violet-2)',
              }}
            />
          ))}
        </Box>
        {within(todayDay) ? (
          <Box
            data-testid="gantt-today"
            data-date={today}
            style={{
              position: 'absolute',
              left: `calc(${labelWidth}px + (100% - ${labelWidth}px) * ${(todayDay + 0.5 - axis.start) / days})`,
              top: 0,
              bottom: 0,
              borderLeft: '2px solid var(--mantine-color-partyRed-7)',
              zIndex: 1,
              pointerEvents: 'none',
            }}
          >
            <Text
              size="xs"
              fw={700}
              c="partyRed.7"
              style={{
                position: 'absolute',
                top: 2,
                left: 4,
                whiteSpace: 'nowrap',
                background: 'var(--mantine-color-white)',
                padding: '0 2px',
              }}
            >
              {t('plans.timeline.today', { date: formatDate(today) })}
            </Text>
          </Box>
        ) : null}

        {/* the time axis: months, then the Monday of each week */}
        {row(
          'axis',
          44,
          <Text size="xs" fw={700} c="dimmed">
            {t('plans.timeline.activity')}
          </Text>,
          <>
            {axis.months.map((m, i) => {
              const next = axis.months[i + 1]?.day ?? axis.end;
              const room = (next - m.day) * axis.pxPerDay;
              if (room < 40) return null;
              const at: CSSProperties =
                room < 72 && next === axis.end ? { right: 4 } : { left: `calc(${pct(m.day)} + 4px)` };
              return (
                <Text
                  key={m.day}
                  size="xs"
                  fw={700}
                  style={{ position: 'absolute', top: 4, whiteSpace: 'nowrap', ...at }}
                  data-testid="gantt-month"
                >
                  {monthTick(m.month, m.year)}
                </Text>
              );
            })}
            {axis.weeks
              .filter((d) => (axis.end - d) * axis.pxPerDay >= 34)
              .map((d) => (
                <Text
                  key={d}
                  size="10px"
                  c="dimmed"
                  style={{ position: 'absolute', top: 24, left: `calc(${pct(d)} + 2px)`, whiteSpace: 'nowrap' }}
                >
                  {dayMonth(d)}
                </Text>
              ))}
          </>,
          { style: { borderBottom: '1px solid var(--mantine-color-gray-4)' } },
        )}

        {/* the plan's milestones */}
        {milestones.length
          ? row(
              'milestones',
              52,
              <Text size="sm" fw={700} c="violet.8">
                {t('plans.timeline.milestones')}
              </Text>,
              milestoneMarks.map(({ m, day, level }) => (
                <Box
                  key={m.id}
                  data-testid="gantt-milestone"
                  data-date={m.due!}
                  data-tentative={m.tentative ? 'true' : undefined}
                  title={`${formatDate(m.due)}${m.tentative ? ` (${t('plans.activity.tentative')})` : ''} — ${m.title}`}
                  style={{
                    position: 'absolute',
                    left: pct(day + 0.5),
                    top: 6,
                    transform: 'translateX(-50%)',
                    display: 'flex',
                    flexDirection: 'column',
                    alignItems: 'center',
                    zIndex: 1,
                  }}
                >
                  <Box
                    style={{
                      width: 13,
                      height: 13,
                      marginTop: 2,
                      transform: 'rotate(45deg)',
                      background: m.tentative ? 'var(--mantine-color-white)' : MILESTONE_COLOR,
                      border: `2px solid ${MILESTONE_COLOR}`,
                    }}
                  />
                  <Text
                    size="10px"
                    fw={600}
                    c="violet.8"
                    mt={level ? 14 : 2}
                    lh={1.2}
                    style={{ whiteSpace: 'nowrap', background: 'var(--mantine-color-white)' }}
                  >
                    {dayMonth(day)}
                  </Text>
                </Box>
              )),
              { style: { background: 'var(--mantine-color-violet-0)' } },
            )
          : null}

        {sections.map((s) => (
          <Fragment key={s.path}>
            <Box
              style={{
                borderBottom: '1px solid var(--mantine-color-gray-2)',
                background: 'var(--mantine-color-gray-0)',
              }}
              data-testid="gantt-section"
            >
              <Text
                size="xs"
                fw={700}
                truncate="end"
                title={sectionLabel(s.path)}
                style={{
                  position: 'sticky',
                  left: 0,
                  width: Math.max(labelWidth, boxWidth || labelWidth),
                  maxWidth: '100%',
                  padding: '6px 8px',
                }}
              >
                {sectionLabel(s.path)}
              </Text>
            </Box>
            {s.items.map((a) => {
              const leads =
                a.lead.slice(0, 2).join('; ') +
                (a.leadCount > 2 ? ` ${t('plans.activity.more', { count: a.leadCount - 2 })}` : '');
              return row(
                a.id,
                46,
                <>
                  <UnstyledButton style={{ minWidth: 0 }} title={a.title} aria-label={`${a.ref} ${a.title}`}>
                    <Text size="sm" lh={1.3} {...(phone ? { lineClamp: 2 } : { truncate: 'end' as const })}>
                      <Text span fw={700} size="sm">
                        {a.ref}
                      </Text>{' '}
                      {a.title}
                    </Text>
                  </UnstyledButton>
                  {leads && !phone ? (
                    <Text size="xs" c="dimmed" truncate="end" lh={1.3} title={a.lead.join('; ')}>
                      {leads}
                    </Text>
                  ) : null}
                </>,
                bar(a),
                {
                  data: { 'data-testid': 'gantt-row', 'data-ref': a.ref, 'data-status': a.status },
                  title: `${a.ref}. ${a.title}\n${t(`plans.status.${a.status}`)}${a.percent !== null ? ` · ${t('plans.timeline.percentDone', { percent: a.percent })}` : ''}`,
                  onClick: () => onOpen(a.id),
                },
              );
            })}
          </Fragment>
        ))}
      </Box>
    </Box>
  );
}

/** What the marks mean: the four colours are on the status filter above. */
export function GanttLegend() {
  const { t } = useTranslation();
  const item = (mark: ReactNode, label: string) => (
    <Group gap={6} wrap="nowrap">
      {mark}
      <Text size="xs" c="dimmed">
        {label}
      </Text>
    </Group>
  );
  return (
    <Group gap="md" style={{ rowGap: 4 }} data-testid="gantt-legend">
      {item(
        <Box
          style={{
            width: 28,
            height: 12,
            borderRadius: 3,
            border: `1px solid ${shade('in_progress', 7)}`,
            background: `linear-gradient(90deg, ${shade('in_progress', 6)} 0 50%, ${shade('in_progress', 1)} 50%)`,
          }}
        />,
        t('plans.timeline.legendDone'),
      )}
      {item(
        <Box
          style={{
            width: 12,
            height: 12,
            borderRadius: '50%',
            border: `2px solid ${shade('overdue', 7)}`,
            background: shade('overdue', 1),
          }}
        />,
        t('plans.timeline.legendPoint'),
      )}
      {item(
        <Box
          style={{
            width: 24,
            height: 10,
            margin: 2,
            borderRadius: 3,
            border: `1px solid ${shade('in_progress', 7)}`,
            outline: `2px dashed ${shade('in_progress', 7)}`,
            outlineOffset: 2,
            background: shade('in_progress', 1),
          }}
        />,
        t('plans.timeline.legendTentative'),
      )}
      {item(
        <Group gap={0} wrap="nowrap" align="center">
          <Box
            style={{
              width: 12,
              height: 12,
              borderRadius: '50%',
              border: `2px solid ${shade('done_late', 7)}`,
              background: shade('done_late', 6),
            }}
          />
          <Box style={{ width: 14, height: 2, background: shade('done_late', 6) }} />
          <Box style={{ width: 3, height: 14, borderRadius: 1, background: shade('done_late', 8) }} />
        </Group>,
        t('plans.timeline.legendDoneOn'),
      )}
      {item(
        <Box style={{ width: 10, height: 10, margin: 2, transform: 'rotate(45deg)', background: MILESTONE_COLOR }} />,
        t('plans.timeline.milestones'),
      )}
    </Group>
  );
}
