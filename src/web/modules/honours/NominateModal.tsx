import { useEffect, useState, type FormEvent } from 'react';
import { Group, Modal, Select, Stack, Text, TextInput, Textarea, type SelectProps } from '@mantine/core';
import { useMediaQuery } from '@mantine/hooks';
import { notifications } from '@mantine/notifications';
import { useNavigate } from '@tanstack/react-router';
import { useTranslation } from 'react-i18next';
import { ApiError } from '../../app/api.ts';
import { useMe } from '../../app/auth.tsx';
import { fieldError } from '../../ui/errors.tsx';
import { FormActions } from '../../ui/FormActions.tsx';
import { SearchSelect } from '../../ui/SearchSelect.tsx';
import { useUnit } from '../organisation/api.ts';
import { UnitPicker } from '../organisation/UnitPicker.tsx';
import { MIN_SUMMARY, useNominate, useNominees, type Campaign, type CategoryKind } from './api.ts';

/**
 * Choose whom to nominate by typing part of the name: the server lists only what the unit may
 * nominate (its own subtree's units, Party members, enterprises), so the choice cannot be wrong.
 */
function CandidateSelect({
  unitId,
  kind,
  value,
  onChange,
  ...props
}: Omit<SelectProps, 'data' | 'value' | 'onChange' | 'searchValue' | 'onSearchChange'> & {
  unitId: string | null;
  kind: CategoryKind;
  value: { id: string; name: string } | null;
  onChange: (v: { id: string; name: string } | null) => void;
}) {
  const { t } = useTranslation();
  const [query, setQuery] = useState('');
  const found = useNominees(unitId, kind, query);
  const options = (found.data?.items ?? []).map((c) => ({ id: c.id, name: c.name, detail: c.detail }));
  return (
    <SearchSelect
      placeholder={unitId ? t('honours.nominate.searchPlaceholder') : t('honours.nominate.unitFirst')}
      disabled={!unitId}
      {...props}
      value={value}
      onChange={onChange}
      options={options}
      fetching={found.isFetching}
      onQueryChange={setQuery}
      nothingFound={t('honours.nominate.nothing')}
      loadingText={t('common.loading')}
    />
  );
}

/** The unit the signed-in officer nominates for: the one their grant names, or any (the server checks) when they hold several or a Bloc-wide grant. */
function useNominatingUnits() {
  const me = useMe();
  const ids = [...new Set(me.grants.map((g) => g.unitId).filter((u): u is string => u !== null))];
  const global = me.grants.some((g) => g.unitId === null);
  return { only: !global && ids.length === 1 ? ids[0] : null };
}

/**
 * Nominating (đề nghị tôn vinh): the category; the nominee — a unit for a collective, a Party
 * member of the unit's subtree for an individual, a product's name with the enterprise that makes
 * it — and the achievement summary. The nomination starts as a draft; its page takes the dossier.
 */
export function NominateModal({ campaign, onClose }: { campaign: Campaign; onClose: () => void }) {
  const { t, i18n } = useTranslation();
  const lang = i18n.language;
  const phone = useMediaQuery('(max-width: 36em)');
  const navigate = useNavigate();
  const nominate = useNominate(campaign.id);
  const { only } = useNominatingUnits();
  const onlyUnit = useUnit(only);
  const [unitId, setUnitId] = useState<string | null>(only);
  const [categoryId, setCategoryId] = useState<string | null>(campaign.categories[0]?.id ?? null);
  const [nominee, setNominee] = useState<{ id: string; name: string } | null>(null);
  const [productName, setProductName] = useState('');
  const [enterprise, setEnterprise] = useState<{ id: string; name: string } | null>(null);
  const [summary, setSummary] = useState('');
  const [local, setLocal] = useState<Record<string, string>>({});
  const category = campaign.categories.find((c) => c.id === categoryId) ?? null;
  const kind = category?.kind ?? null;

  // A unit with a single enterprise makes its products there: choose it at once.
  const makers = useNominees(kind === 'product' ? unitId : null, 'product', '');
  useEffect(() => {
    const list = makers.data?.items ?? [];
    if (kind === 'product' && !enterprise && list.length === 1) setEnterprise({ id: list[0].id, name: list[0].name });
  }, [kind, enterprise, makers.data]);

  const clear = () => {
    setLocal({});
    if (nominate.error) nominate.reset();
  };
  const serverError = nominate.error instanceof ApiError ? nominate.error : null;
  const fe = (path: string) => local[path] ?? fieldError(serverError, path, lang);
  const fields = [
    'categoryId',
    'unitId',
    'nomineeUnitId',
    'nomineePersonId',
    'productName',
    'productEnterpriseId',
    'summary',
  ];

  const submit = (e: FormEvent) => {
    e.preventDefault();
    const found: Record<string, string> = {};
    if (!unitId) found.unitId = t('common.required');
    if (!category) found.categoryId = t('common.required');
    if (kind === 'collective' && !nominee) found.nomineeUnitId = t('common.required');
    if (kind === 'individual' && !nominee) found.nomineePersonId = t('common.required');
    if (kind === 'product' && !productName.trim()) found.productName = t('common.required');
    if (kind === 'product' && !enterprise) found.productEnterpriseId = t('common.required');
    setLocal(found);
    if (Object.keys(found).length) return;
    nominate.mutate(
      {
        categoryId: category!.id,
        unitId: unitId!,
        nomineeUnitId: kind === 'collective' ? nominee!.id : null,
        nomineePersonId: kind === 'individual' ? nominee!.id : null,
        productName: kind === 'product' ? productName.trim() : null,
        productEnterpriseId: kind === 'product' ? enterprise!.id : null,
        summary: summary.trim(),
      },
      {
        onSuccess: (n) => {
          notifications.show({ color: 'green', message: t('honours.nominate.done', { name: n.nominee.name }) });
          onClose();
          void navigate({ to: '/honours/nominations/$nominationId', params: { nominationId: n.id } });
        },
      },
    );
  };

  return (
    <Modal opened onClose={onClose} title={t('honours.nominate.title')} size="lg" fullScreen={phone}>
      <form onSubmit={submit} noValidate data-testid="nominate-form">
        <Stack gap="sm">
          {only ? (
            <Stack gap={0}>
              <Text size="sm" fw={500}>
                {t('honours.nominate.unit')}
              </Text>
              <Text size="sm" data-testid="nominate-unit">
                {onlyUnit.data?.name ?? '…'}
              </Text>
            </Stack>
          ) : (
            <UnitPicker
              label={t('honours.nominate.unit')}
              required
              value={unitId}
              onChange={(id) => {
                setUnitId(id);
                setNominee(null);
                setEnterprise(null);
                clear();
              }}
              error={fe('unitId')}
            />
          )}
          <Select
            label={t('honours.nominate.category')}
            required
            data={campaign.categories.map((c) => ({ value: c.id, label: c.name }))}
            value={categoryId}
            onChange={(v) => {
              setCategoryId(v);
              setNominee(null);
              clear();
            }}
            allowDeselect={false}
            error={fe('categoryId')}
            data-testid="nominate-category"
          />
          {kind === 'collective' || kind === 'individual' ? (
            <CandidateSelect
              key={kind}
              label={t(`honours.nominate.nominee.${kind}`)}
              description={t(`honours.nominate.nomineeHint.${kind}`)}
              required
              unitId={unitId}
              kind={kind}
              value={nominee}
              onChange={(v) => {
                setNominee(v);
                clear();
              }}
              error={fe(kind === 'collective' ? 'nomineeUnitId' : 'nomineePersonId')}
              data-testid="nominate-nominee"
            />
          ) : null}
          {kind === 'product' ? (
            <Group gap="sm" align="flex-start" grow preventGrowOverflow={false} wrap="wrap">
              <TextInput
                label={t('honours.nominate.productName')}
                required
                value={productName}
                onChange={(e) => {
                  setProductName(e.currentTarget.value);
                  clear();
                }}
                error={fe('productName')}
                style={{ flex: '1 1 220px' }}
                data-testid="nominate-product"
              />
              <CandidateSelect
                label={t('honours.nominate.enterprise')}
                required
                unitId={unitId}
                kind="product"
                value={enterprise}
                onChange={(v) => {
                  setEnterprise(v);
                  clear();
                }}
                error={fe('productEnterpriseId')}
                style={{ flex: '1 1 220px' }}
                data-testid="nominate-enterprise"
              />
            </Group>
          ) : null}
          <Textarea
            label={t('honours.nominate.summary')}
            description={t('honours.nominate.summaryHint', { n: MIN_SUMMARY })}
            autosize
            minRows={4}
            maxRows={12}
            value={summary}
            onChange={(e) => {
              setSummary(e.currentTarget.value);
              clear();
            }}
            error={fe('summary')}
            name="summary"
            data-testid="nominate-summary"
          />
          <FormActions
            error={nominate.error}
            fields={fields}
            busy={nominate.isPending}
            onCancel={onClose}
            submitLabel={t('honours.nominate.submit')}
          />
        </Stack>
      </form>
    </Modal>
  );
}
