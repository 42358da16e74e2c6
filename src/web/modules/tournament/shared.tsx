import { Select } from '@mantine/core';
import { useNavigate, useSearch } from '@tanstack/react-router';
import { useTranslation } from 'react-i18next';
import type { Bilingual } from '../../app/api.ts';
import type { Tournament, TournamentEvent } from './api.ts';

/** A bilingual label from the server in the reader's language. */
export function useBilingual() {
  const { i18n } = useTranslation();
  return (b: Bilingual) => (i18n.language === 'en' ? b.en : b.vi);
}

/** The event shown by the tabs that look at one event: the one in the address, else the first. */
export function useChosenEvent(tournament: Tournament): TournamentEvent | null {
  const search = useSearch({ from: '/signed-in/tournaments/$tournamentId' });
  return tournament.events.find((e) => e.id === search.event) ?? tournament.events[0] ?? null;
}

/** Chooses the event; the choice is kept in the address beside the tab. */
export function EventSelect({ tournament, event }: { tournament: Tournament; event: TournamentEvent | null }) {
  const { t } = useTranslation();
  const navigate = useNavigate({ from: '/tournaments/$tournamentId' });
  return (
    <Select
      label={t('tournament.event.pick')}
      data={tournament.events.map((e) => ({ value: e.id, label: `${e.code} · ${e.name}` }))}
      value={event?.id ?? null}
      onChange={(v) => void navigate({ search: (s) => ({ ...s, event: v ?? undefined }), replace: true })}
      allowDeselect={false}
      maw={420}
      mb="md"
      data-testid="event-select"
    />
  );
}
