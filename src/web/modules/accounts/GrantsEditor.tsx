import { useState } from 'react';
import { ActionIcon, Button, Group, Select, Stack, Text, Tooltip } from '@mantine/core';
import { IconPlus, IconTrash } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import type { Grant } from '../../app/auth.tsx';
import { ErrorAlert, fieldError, onlyFieldProblems } from '../../ui/errors.tsx';
import { UnitPicker } from '../organisation/UnitPicker.tsx';
import { useRoles } from './api.ts';

/**
 * The roles of one account: each a role and, optionally, the unit whose subtree it covers
 * (without a unit, every unit). Saved as a whole with PUT /api/accounts/{id}/grants.
 */
export function GrantsEditor({
  initial,
  onSave,
  disabled = false,
}: {
  initial: Grant[];
  onSave: (grants: Grant[]) => Promise<void>;
  disabled?: boolean;
}) {
  const { t, i18n } = useTranslation();
  const roles = useRoles();
  const [rows, setRows] = useState<Grant[]>(initial);
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);
  const [missingRole, setMissingRole] = useState<number[]>([]);

  const roleOptions = (roles.data?.roles ?? []).map((r) => ({
    value: r.role,
    label: i18n.language === 'en' ? r.label.en : r.label.vi,
  }));
  const set = (index: number, change: Partial<Grant>) =>
    setRows((all) => all.map((g, i) => (i === index ? { ...g, ...change } : g)));

  const save = async () => {
    const missing = rows.flatMap((g, i) => (g.role ? [] : [i]));
    setMissingRole(missing);
    if (missing.length > 0) return;
    setBusy(true);
    setError(null);
    try {
      await onSave(rows.map((g) => ({ role: g.role, unitId: g.unitId?.trim() ? g.unitId.trim() : null })));
    } catch (err) {
      setError(err);
    } finally {
      setBusy(false);
    }
  };

  const lang = i18n.language;
  return (
    <Stack gap="sm">
      {rows.length === 0 ? (
        <Text size="sm" c="dimmed">
          {t('accounts.grants.none')}
        </Text>
      ) : null}
      {rows.map((g, i) => (
        <Group key={i} gap="xs" align="flex-start" wrap="wrap" data-testid="grant-row">
          <Select
            style={{ flex: '1 1 200px' }}
            size="sm"
            label={t('accounts.grants.role')}
            placeholder={t('accounts.grants.pickRole')}
            data={roleOptions}
            value={g.role || null}
            onChange={(v) => set(i, { role: v ?? '' })}
            disabled={disabled}
            allowDeselect={false}
            error={
              missingRole.includes(i) ? t('accounts.grants.roleRequired') : fieldError(error, `grants.${i}.role`, lang)
            }
          />
          <UnitPicker
            style={{ flex: '1 1 220px' }}
            size="sm"
            label={t('accounts.grants.unit')}
            placeholder={t('accounts.grants.allUnits')}
            value={g.unitId}
            onChange={(unitId) => set(i, { unitId })}
            disabled={disabled}
            error={fieldError(error, `grants.${i}.unitId`, lang)}
            data-testid="grant-unit"
          />
          <Tooltip label={t('accounts.grants.remove')} withArrow>
            <ActionIcon
              variant="subtle"
              color="gray"
              mt={26}
              size="lg"
              onClick={() => setRows((all) => all.filter((_, j) => j !== i))}
              disabled={disabled}
              aria-label={t('accounts.grants.remove')}
            >
              <IconTrash size={18} />
            </ActionIcon>
          </Tooltip>
        </Group>
      ))}
      <Text size="xs" c="dimmed">
        {t('accounts.grants.help')}
      </Text>
      {error &&
      !onlyFieldProblems(
        error,
        rows.flatMap((_, i) => [`grants.${i}.role`, `grants.${i}.unitId`]),
      ) ? (
        <ErrorAlert error={error} />
      ) : null}
      {!disabled ? (
        <Group justify="space-between" gap="xs">
          <Button
            variant="subtle"
            leftSection={<IconPlus size={16} />}
            onClick={() => setRows((all) => [...all, { role: '', unitId: null }])}
          >
            {t('accounts.grants.add')}
          </Button>
          <Button onClick={() => void save()} loading={busy}>
            {t('accounts.grants.save')}
          </Button>
        </Group>
      ) : null}
    </Stack>
  );
}
