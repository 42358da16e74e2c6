import { IconTournament } from '@tabler/icons-react';
import { createRoute } from '@tanstack/react-router';
import { defineWebModule, lazyPage } from '../../app/module.ts';
import { validateTournamentSearch, validateUmpireSearch } from './search.ts';

export default defineWebModule({
  name: 'tournament',
  routes: (parent) => [
    createRoute({
      getParentRoute: () => parent,
      path: '/tournaments',
      component: lazyPage(() => import('./TournamentsPage.tsx'), 'TournamentsPage'),
    }),
    createRoute({
      getParentRoute: () => parent,
      path: '/tournaments/$tournamentId',
      validateSearch: validateTournamentSearch,
      component: lazyPage(() => import('./TournamentPage.tsx'), 'TournamentPage'),
    }),
    // The umpire's phone at courtside.
    createRoute({
      getParentRoute: () => parent,
      path: '/tournaments/$tournamentId/matches/$matchId/score',
      validateSearch: validateUmpireSearch,
      component: lazyPage(() => import('./UmpirePage.tsx'), 'UmpirePage'),
    }),
  ],
  navigation: [{ label: 'nav.tournament', to: '/tournaments', icon: IconTournament, permission: 'tournament.read' }],
  homeIcons: { tournaments: IconTournament },
  messages: { vi: () => import('./i18n/vi.json'), en: () => import('./i18n/en.json') },
});
