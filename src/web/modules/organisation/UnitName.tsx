import { useQuery } from '@tanstack/react-query';
import { api } from '../../app/api.ts';
import { useAuth } from '../../app/auth.tsx';
import type { UnitDetail } from './api.ts';

/** A unit's name where only its id is at hand (the id itself while loading or when unreadable). */
export function UnitName({ id }: { id: string }) {
  const auth = useAuth();
  const unit = useQuery({
    queryKey: ['organisation', 'unit', id],
    queryFn: ({ signal }) => api<UnitDetail>(`/api/units/${id}`, { signal }),
    enabled: auth.can('organisation.read'),
    staleTime: 5 * 60_000,
    retry: false,
  });
  const u = unit.data;
  return <>{u ? (u.shortName ?? u.name) : id}</>;
}
