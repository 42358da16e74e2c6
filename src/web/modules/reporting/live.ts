import { useEffect } from 'react';
import { useQueryClient } from '@tanstack/react-query';

/**
 * Live updates of the reporting screens: the server publishes the topic `reporting` on every
 * save, submit, approval, return and reopening (GET /api/events, server-sent events), and the
 * totals, completeness and report states on screen are read again. The open form is not: the
 * person typing into it keeps their values (a save over a newer version is refused and says so).
 */
const refreshed = [
  ['reporting', 'totals'],
  ['reporting', 'children'],
  ['reporting', 'completeness'],
  ['reporting', 'status'],
];

export function useReportingLive(enabled = true): void {
  const queryClient = useQueryClient();
  useEffect(() => {
    if (!enabled || typeof EventSource === 'undefined') return;
    const source = new EventSource('/api/events?topics=reporting');
    let timer: ReturnType<typeof setTimeout> | undefined;
    const onChange = () => {
      // A burst of changes (an approval after a submit) is read once.
      clearTimeout(timer);
      timer = setTimeout(() => {
        for (const queryKey of refreshed) void queryClient.invalidateQueries({ queryKey });
      }, 150);
    };
    source.addEventListener('reporting', onChange);
    return () => {
      clearTimeout(timer);
      source.removeEventListener('reporting', onChange);
      source.close();
    };
  }, [enabled, queryClient]);
}
