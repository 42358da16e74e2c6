import { useAuth } from '../../app/auth.tsx';
import { useUnits } from '../organisation/api.ts';

/**
 * Where a person's reporting starts: the Bloc for Bloc roles (`reporting.overview`, or a grant
 * over every unit), otherwise the unit their grant is on; and the units they report for.
 */
export function useReportingScope() {
  const auth = useAuth();
  const grants = auth.me?.grants ?? [];
  const everywhere = auth.can('reporting.overview') || grants.some((g) => g.unitId === null);
  const bloc = useUnits({ kind: 'bloc', pageSize: 1 }, everywhere);
  const grantUnits = [...new Set(grants.map((g) => g.unitId).filter((u): u is string => u !== null))];
  const topUnitId = everywhere ? (bloc.data?.items[0]?.id ?? null) : (grantUnits[0] ?? null);
  return {
    everywhere,
    topUnitId,
    /** The units whose own reports this person enters. */
    reportingUnits: auth.can('reporting.submit') ? grantUnits : [],
    pending: everywhere && bloc.isPending,
    error: bloc.error,
  };
}
