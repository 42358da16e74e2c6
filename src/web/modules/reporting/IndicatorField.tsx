import { useState } from 'react';
import { Anchor, Box, Collapse, Group, SimpleGrid, Text, Textarea } from '@mantine/core';
import { IconMessage } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { indicatorTotal, isNumericType } from '../../../common/reportValues.ts';
import { formatNumber } from '../../app/format.ts';
import type { Indicator } from './api.ts';
import { CellInput } from './CellInput.tsx';
import { cellKey, cellPath, rulePath, valueOf, type Entries, type Entry } from './formModel.ts';

/**
 * One indicator of a report: its cell (or one cell per breakdown category, with their total as
 * typed), the rule it breaks, and a comment, folded away until asked for.
 */
export function IndicatorField({
  indicator,
  required,
  entries,
  comment,
  readOnly,
  onChange,
  onComment,
  messageOf,
}: {
  indicator: Indicator;
  required: boolean;
  entries: Entries;
  comment: string;
  readOnly: boolean;
  onChange: (key: string, entry: Entry) => void;
  onComment: (text: string) => void;
  messageOf: (path: string) => string | undefined;
}) {
  const { t, i18n } = useTranslation();
  const lang = i18n.language;
  const [commentOpen, setCommentOpen] = useState(false);
  const ruleMessage = messageOf(rulePath(indicator.id));
  const unit = indicator.unit ? t('reporting.form.unitOf', { unit: indicator.unit }) : undefined;
  const hasBreakdown = indicator.breakdown.length > 0;
  const numbers = new Map([...entries].map(([k, v]) => [k, valueOf(indicator, v)]));
  const total =
    hasBreakdown && isNumericType(indicator.valueType) && indicator.valueType !== 'boolean'
      ? indicatorTotal(indicator, numbers)
      : null;
  const problem =
    ruleMessage !== undefined ||
    indicator.breakdown.some((b) => messageOf(cellPath(indicator.id, b.key))) ||
    (!hasBreakdown && messageOf(cellPath(indicator.id, '')) !== undefined);

  return (
    <Box data-testid="indicator" data-code={indicator.code} data-problem={problem ? 'true' : undefined}>
      {hasBreakdown ? (
        <>
          <Text fw={600} lh={1.4}>
            {indicator.name}
            {required ? (
              <Text span c="red" aria-hidden>
                {' '}
                *
              </Text>
            ) : null}
          </Text>
          {unit ? (
            <Text size="sm" c="dimmed">
              {unit}
            </Text>
          ) : null}
          <SimpleGrid
            cols={{ base: 2, sm: Math.min(indicator.breakdown.length, 4) }}
            spacing="sm"
            verticalSpacing="xs"
            mt={6}
          >
            {indicator.breakdown.map((b) => (
              <CellInput
                key={b.key}
                type={indicator.valueType}
                label={lang === 'en' ? b.label.en : b.label.vi}
                required={false}
                value={entries.get(cellKey(indicator.id, b.key))}
                onChange={(v) => onChange(cellKey(indicator.id, b.key), v)}
                error={messageOf(cellPath(indicator.id, b.key))}
                readOnly={readOnly}
                name={`${indicator.code}.${b.key}`}
              />
            ))}
          </SimpleGrid>
          {total !== null || isNumericType(indicator.valueType) ? (
            <Text size="sm" mt={6} data-testid="indicator-total">
              {t('reporting.form.total')}: <b>{total === null ? '—' : formatNumber(total, lang)}</b>
            </Text>
          ) : null}
        </>
      ) : (
        <CellInput
          type={indicator.valueType}
          label={indicator.name}
          description={unit}
          required={required}
          value={entries.get(cellKey(indicator.id, ''))}
          onChange={(v) => onChange(cellKey(indicator.id, ''), v)}
          error={messageOf(cellPath(indicator.id, ''))}
          readOnly={readOnly}
          name={indicator.code}
        />
      )}
      {ruleMessage ? (
        <Text size="sm" c="red" mt={4} role="alert" data-testid="rule-problem">
          {ruleMessage}
        </Text>
      ) : null}
      {readOnly && !comment ? null : (
        <>
          <Group gap={4} mt={4}>
            <IconMessage size={14} color="var(--mantine-color-dimmed)" />
            <Anchor
              component="button"
              type="button"
              size="xs"
              onClick={() => setCommentOpen((o) => !o)}
              aria-expanded={commentOpen}
              data-testid="comment-toggle"
            >
              {commentOpen
                ? t('reporting.form.hideComment')
                : comment
                  ? t('reporting.form.showComment')
                  : t('reporting.form.addComment')}
            </Anchor>
          </Group>
          <Collapse expanded={commentOpen}>
            <Textarea
              mt={4}
              size="sm"
              aria-label={t('reporting.form.commentFor', { name: indicator.name })}
              placeholder={t('reporting.form.commentPlaceholder')}
              value={comment}
              onChange={(e) => onComment(e.currentTarget.value)}
              readOnly={readOnly}
              autosize
              minRows={2}
              maxRows={6}
              maxLength={1000}
            />
          </Collapse>
        </>
      )}
    </Box>
  );
}
