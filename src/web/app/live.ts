import { useEffect } from 'react';
import { useQueryClient, type QueryKey } from '@tanstack/react-query';

/**
 * Live updates: while a screen is open it listens to a topic of GET /api/events (server-sent
 * events; the server checks the topic's permission) and reads the given queries again when the
 * topic speaks, and again after a reconnection (a device back on the network catches up). A burst
 * of changes (an approval right after a submit) is read once.
 */
export function useLiveTopic(topic: string, queryKeys: readonly QueryKey[], enabled = true): void {
  const queryClient = useQueryClient();
  const keys = JSON.stringify(queryKeys);
  useEffect(() => {
    if (!enabled || typeof EventSource === 'undefined') return;
    const source = new EventSource(`/api/events?topics=${encodeURIComponent(topic)}`);
    let timer: ReturnType<typeof setTimeout> | undefined;
    const onChange = () => {
      clearTimeout(timer);
      timer = setTimeout(() => {
        for (const queryKey of JSON.parse(keys) as QueryKey[]) void queryClient.invalidateQueries({ queryKey });
      }, 150);
    };
    // A reconnection (the browser reopens the stream itself) may have missed events: read again.
    let opened = false;
    const onOpen = () => {
      if (opened) onChange();
      opened = true;
    };
    source.addEventListener(topic, onChange);
    source.addEventListener('open', onOpen);
    return () => {
      clearTimeout(timer);
      source.removeEventListener(topic, onChange);
      source.removeEventListener('open', onOpen);
      source.close();
    };
  }, [topic, keys, enabled, queryClient]);
}
