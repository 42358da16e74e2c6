import { useState, type FormEvent } from 'react';
import { Checkbox, Modal, NumberInput, Select, Stack, Text } from '@mantine/core';
import { useMediaQuery } from '@mantine/hooks';
import { notifications } from '@mantine/notifications';
import { useTranslation } from 'react-i18next';
import { ApiError } from '../../../app/api.ts';
import { fieldError } from '../../../ui/errors.tsx';
import { FormActions } from '../../../ui/FormActions.tsx';
import { useOpenRound, type Session } from './api.ts';

const FIELDS = ['categoryId', 'nominationIds', 'seats'];

/** Opening a round: a category, the eligible nominees put to the vote (all by default) and the seats to fill. */
export function OpenRoundModal({ session, onClose }: { session: Session; onClose: () => void }) {
  const { t, i18n } = useTranslation();
  const phone = useMediaQuery('(max-width: 36em)');
  const open = useOpenRound(session.id);
  const eligibleOf = (categoryId: string | null) =>
    session.categories.find((c) => c.id === categoryId)?.nominees.filter((n) => n.status === 'eligible') ?? [];
  const first = session.categories.find((c) => c.nominees.some((n) => n.status === 'eligible')) ?? null;
  const seatsLeft = (categoryId: string | null) => {
    const c = session.categories.find((x) => x.id === categoryId);
    return c ? Math.max(1, c.quota - c.selected) : 1;
  };
  const [categoryId, setCategoryId] = useState<string | null>(first?.id ?? null);
  const [picked, setPicked] = useState<string[]>(eligibleOf(first?.id ?? null).map((n) => n.id));
  const [seats, setSeats] = useState<number>(seatsLeft(first?.id ?? null));
  const [local, setLocal] = useState<Record<string, string>>({});
  const server = open.error instanceof ApiError ? open.error : null;
  const fe = (f: string) => local[f] ?? fieldError(server, f, i18n.language);

  const choose = (id: string | null) => {
    setCategoryId(id);
    setPicked(eligibleOf(id).map((n) => n.id));
    setSeats(seatsLeft(id));
    setLocal({});
  };

  const submit = (e: FormEvent) => {
    e.preventDefault();
    const found: Record<string, string> = {};
    if (!categoryId) found.categoryId = t('common.required');
    if (!picked.length) found.nominationIds = t('council.openRound.noneChosen');
    if (!Number.isInteger(seats) || seats < 1) found.seats = t('council.openRound.seatsInvalid');
    setLocal(found);
    if (Object.keys(found).length) return;
    open.mutate(
      { categoryId: categoryId!, nominationIds: picked, seats },
      {
        onSuccess: (round) => {
          notifications.show({
            color: 'green',
            message: t('council.openRound.done', { number: round.number, category: round.categoryName }),
          });
          onClose();
        },
      },
    );
  };

  const category = session.categories.find((c) => c.id === categoryId);
  const eligible = eligibleOf(categoryId);
  return (
    <Modal opened onClose={onClose} title={t('council.openRound.title')} size="lg" fullScreen={phone}>
      <form onSubmit={submit} noValidate data-testid="round-form">
        <Stack gap="sm">
          <Select
            label={t('council.openRound.category')}
            data={session.categories.map((c) => ({
              value: c.id,
              label: t('council.openRound.categoryOption', {
                name: c.name,
                eligible: c.nominees.filter((n) => n.status === 'eligible').length,
                selected: c.selected,
                quota: c.quota,
              }),
            }))}
            value={categoryId}
            onChange={choose}
            allowDeselect={false}
            error={fe('categoryId')}
            data-testid="round-category"
          />
          <Checkbox.Group
            label={t('council.openRound.nominees')}
            description={t('council.openRound.nomineesHint')}
            value={picked}
            onChange={setPicked}
            error={fe('nominationIds')}
          >
            <Stack gap={6} mt={6}>
              {eligible.length === 0 ? (
                <Text size="sm" c="dimmed">
                  {t('council.openRound.noEligible')}
                </Text>
              ) : null}
              {eligible.map((n) => (
                <Checkbox
                  key={n.id}
                  value={n.id}
                  label={n.name}
                  description={n.unitName !== n.name ? n.unitName : undefined}
                  wrapperProps={{ 'data-testid': 'round-nominee', 'data-nominee': n.id }}
                />
              ))}
            </Stack>
          </Checkbox.Group>
          <NumberInput
            label={t('council.openRound.seats')}
            description={
              category
                ? t('council.openRound.seatsHint', { quota: category.quota, selected: category.selected })
                : undefined
            }
            value={seats}
            onChange={(v) => setSeats(typeof v === 'number' ? v : Number.NaN)}
            min={1}
            max={1000}
            allowDecimal={false}
            error={fe('seats')}
            maw={320}
            data-testid="round-seats"
          />
          <FormActions
            error={open.error}
            fields={FIELDS}
            busy={open.isPending}
            onCancel={onClose}
            submitLabel={t('council.openRound.submit')}
          />
        </Stack>
      </form>
    </Modal>
  );
}
