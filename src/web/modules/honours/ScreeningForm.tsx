import { useState, type FormEvent } from 'react';
import {
  Badge,
  Button,
  Card,
  Group,
  Modal,
  Radio,
  SegmentedControl,
  Stack,
  Text,
  TextInput,
  Textarea,
  Title,
} from '@mantine/core';
import { useMediaQuery } from '@mantine/hooks';
import { notifications } from '@mantine/notifications';
import { IconArrowBackUp, IconChecklist } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { ApiError } from '../../app/api.ts';
import { ErrorAlert, fieldError, onlyFieldProblems } from '../../ui/errors.tsx';
import { FormActions } from '../../ui/FormActions.tsx';
import { useReturnNomination, useScreen, type Nomination, type ScreeningResult } from './api.ts';
import { CheckLine } from './shared.tsx';

const results: ScreeningResult[] = ['met', 'not_met', 'note'];

/** Returning the dossier needs the reason, which the unit reads on the nomination. */
function ReturnModal({ nomination, onClose }: { nomination: Nomination; onClose: () => void }) {
  const { t, i18n } = useTranslation();
  const phone = useMediaQuery('(max-width: 36em)');
  const back = useReturnNomination(nomination.id);
  const [reason, setReason] = useState('');
  const [local, setLocal] = useState<string | undefined>();
  const submit = (e: FormEvent) => {
    e.preventDefault();
    if (!reason.trim()) return setLocal(t('honours.screening.returnReasonRequired'));
    back.mutate(
      { reason: reason.trim() },
      {
        onSuccess: () => {
          notifications.show({
            color: 'green',
            message: t('honours.screening.returned', { unit: nomination.unit.name }),
          });
          onClose();
        },
      },
    );
  };
  return (
    <Modal opened onClose={onClose} title={t('honours.screening.returnTitle')} fullScreen={phone} size="lg">
      <form onSubmit={submit} noValidate data-testid="return-form">
        <Stack gap="sm">
          <Text size="sm" fw={600}>
            {nomination.nominee.name} — {nomination.unit.name}
          </Text>
          <Textarea
            label={t('honours.screening.returnReason')}
            description={t('honours.screening.returnReasonHint')}
            autosize
            minRows={3}
            required
            data-autofocus
            value={reason}
            onChange={(e) => {
              setReason(e.currentTarget.value);
              setLocal(undefined);
              if (back.error) back.reset();
            }}
            error={local ?? fieldError(back.error, 'reason', i18n.language)}
            name="reason"
          />
          <FormActions
            error={back.error}
            fields={['reason']}
            busy={back.isPending}
            onCancel={onClose}
            submitLabel={t('honours.screening.return')}
            submitColor="orange"
          />
        </Stack>
      </form>
    </Modal>
  );
}

type Line = { result: ScreeningResult | null; note: string };

/**
 * The Propaganda Board's screening (thẩm định): each criterion of the category met, not met or a
 * note; then eligible, or not with the reason. A required criterion not met rules out "eligible".
 * Or the dossier goes back to the unit with the reason.
 */
export function ScreeningForm({ nomination }: { nomination: Nomination }) {
  const { t, i18n } = useTranslation();
  const lang = i18n.language;
  const phone = useMediaQuery('(max-width: 36em)');
  const screen = useScreen(nomination.id);
  const criteria = nomination.category.criteria;
  const [lines, setLines] = useState<Record<string, Line>>(() =>
    Object.fromEntries(
      criteria.map((c) => {
        const s = nomination.screening.find((x) => x.key === c.key);
        return [c.key, { result: s?.result ?? null, note: s?.note ?? '' }];
      }),
    ),
  );
  const [eligible, setEligible] = useState<'yes' | 'no' | null>(
    nomination.status === 'eligible' ? 'yes' : nomination.status === 'ineligible' ? 'no' : null,
  );
  const [reason, setReason] = useState(
    nomination.status === 'ineligible' || nomination.status === 'eligible' ? (nomination.reason ?? '') : '',
  );
  const [local, setLocal] = useState<Record<string, string>>({});
  const [returning, setReturning] = useState(false);

  const touch = () => {
    setLocal({});
    if (screen.error) screen.reset();
  };
  const setLine = (key: string, change: Partial<Line>) => {
    setLines((x) => ({ ...x, [key]: { ...x[key], ...change } }));
    touch();
  };
  const serverError = screen.error instanceof ApiError ? screen.error : null;
  const fe = (path: string) => local[path] ?? fieldError(serverError, path, lang);

  const submit = (e: FormEvent) => {
    e.preventDefault();
    const found: Record<string, string> = {};
    const failed = criteria.filter((c) => c.required && lines[c.key]?.result === 'not_met');
    const unchecked = criteria.filter((c) => c.required && !lines[c.key]?.result);
    if (!eligible) found.eligible = t('honours.screening.chooseOutcome');
    if (eligible === 'yes' && failed.length)
      found.eligible = t('honours.screening.requiredNotMet', { list: failed.map((f) => f.description).join('; ') });
    if (eligible === 'yes' && unchecked.length)
      found.results = t('honours.screening.unchecked', { list: unchecked.map((f) => f.description).join('; ') });
    if (eligible === 'no' && !reason.trim()) found.reason = t('honours.screening.reasonRequired');
    setLocal(found);
    if (Object.keys(found).length) return;
    screen.mutate(
      {
        results: criteria.flatMap((c) =>
          lines[c.key]?.result
            ? [{ key: c.key, result: lines[c.key].result!, note: lines[c.key].note.trim() || null }]
            : [],
        ),
        eligible: eligible === 'yes',
        reason: reason.trim() || null,
      },
      {
        onSuccess: (n) =>
          notifications.show({
            color: 'green',
            message: t(
              n.status === 'eligible' ? 'honours.screening.savedEligible' : 'honours.screening.savedIneligible',
              { name: n.nominee.name },
            ),
          }),
      },
    );
  };

  return (
    <Card bg="white" withBorder data-testid="screening-form">
      <Group gap="xs" mb="xs">
        <IconChecklist size={18} />
        <Title order={3} fz="md">
          {t('honours.screening.title')}
        </Title>
      </Group>
      <Text size="sm" c="dimmed" mb="sm">
        {t('honours.screening.hint')}
      </Text>
      <form onSubmit={submit} noValidate>
        <Stack gap="sm">
          {criteria.length === 0 ? (
            <Text size="sm" c="dimmed">
              {t('honours.overview.noCriteria')}
            </Text>
          ) : null}
          {criteria.map((c, i) => {
            const line = lines[c.key];
            const check = nomination.checks?.find((x) => x.key === c.key);
            return (
              <Card key={c.key} bg="gray.0" padding="sm" radius="sm" data-testid="screening-criterion" data-key={c.key}>
                <Text size="sm" fw={500}>
                  {i + 1}. {c.description}{' '}
                  <Badge
                    size="xs"
                    variant={c.required ? 'filled' : 'outline'}
                    color={c.required ? 'partyRed' : 'gray'}
                    radius="sm"
                    tt="none"
                  >
                    {c.required ? t('honours.criterion.required') : t('honours.criterion.optional')}
                  </Badge>
                </Text>
                {c.evidence ? (
                  <Text size="xs" c="dimmed">
                    {t('honours.criterion.evidence', { evidence: c.evidence })}
                  </Text>
                ) : null}
                {check ? <CheckLine check={check} /> : null}
                <Group gap="sm" mt={6} align="center" wrap="wrap">
                  <SegmentedControl
                    size="xs"
                    fullWidth={phone}
                    w={phone ? '100%' : undefined}
                    // the records overrule a "met" (the server refuses it too)
                    data={results.map((r) => ({
                      value: r,
                      label: t(`honours.screening.result.${r}`),
                      disabled: r === 'met' && check?.outcome === 'not_met',
                    }))}
                    value={line?.result ?? ''}
                    onChange={(v) => setLine(c.key, { result: v as ScreeningResult })}
                    color={
                      line?.result === 'met'
                        ? 'teal'
                        : line?.result === 'not_met'
                          ? 'red'
                          : line?.result === 'note'
                            ? 'yellow'
                            : undefined
                    }
                    aria-label={t('honours.screening.resultLabel', { n: i + 1 })}
                    data-testid="screening-result"
                  />
                  <TextInput
                    size="xs"
                    placeholder={t('honours.screening.notePlaceholder')}
                    aria-label={t('honours.screening.noteLabel', { n: i + 1 })}
                    value={line?.note ?? ''}
                    onChange={(e) => setLine(c.key, { note: e.currentTarget.value })}
                    style={{ flex: '1 1 200px' }}
                  />
                </Group>
              </Card>
            );
          })}
          {fe('results') ? (
            <Text size="sm" c="red" data-testid="screening-problem">
              {fe('results')}
            </Text>
          ) : null}
          <Radio.Group
            label={t('honours.screening.outcome')}
            value={eligible}
            onChange={(v) => {
              setEligible(v as 'yes' | 'no');
              touch();
            }}
            error={fe('eligible')}
            required
          >
            <Group gap="lg" mt={6}>
              <Radio value="yes" label={t('honours.screening.eligible')} data-testid="screening-eligible" />
              <Radio value="no" label={t('honours.screening.ineligible')} data-testid="screening-ineligible" />
            </Group>
          </Radio.Group>
          <Textarea
            label={eligible === 'no' ? t('honours.screening.reason') : t('honours.screening.remark')}
            required={eligible === 'no'}
            autosize
            minRows={2}
            value={reason}
            onChange={(e) => {
              setReason(e.currentTarget.value);
              touch();
            }}
            error={fe('reason')}
            name="reason"
          />
          {screen.error && !onlyFieldProblems(screen.error, ['results', 'eligible', 'reason']) ? (
            <ErrorAlert error={screen.error} />
          ) : null}
          <Group justify="space-between" gap="sm" mt="xs" wrap="wrap">
            <Button
              variant="light"
              color="orange"
              leftSection={<IconArrowBackUp size={16} />}
              onClick={() => setReturning(true)}
              data-testid="screening-return"
            >
              {t('honours.screening.return')}
            </Button>
            <Button type="submit" loading={screen.isPending} data-testid="screening-save">
              {t('honours.screening.save')}
            </Button>
          </Group>
        </Stack>
      </form>
      {returning ? <ReturnModal nomination={nomination} onClose={() => setReturning(false)} /> : null}
    </Card>
  );
}
