// The browser side of the one live-update path (src/server/live.ts): an EventSource on a live
// route, the first "snapshot" event and then "update" events `{ channel, payload }`. The browser
// reconnects by itself after a lost connection; each reconnection starts with a fresh snapshot, and
// a `{ stale: true }` payload asks the page to reconnect for one.
import { useEffect, useRef, useState } from 'react';

export type LiveStatus = 'connecting' | 'live' | 'reconnecting';

export function useLive<S, U = unknown>(path: string | null, handlers: { snapshot: (s: S) => void; update: (payload: U) => void }): LiveStatus {
  const [status, setStatus] = useState<LiveStatus>('connecting');
  const ref = useRef(handlers);
  ref.current = handlers;
  useEffect(() => {
    if (!path) return;
    let es: EventSource | null = null;
    let closed = false;
    const connect = () => {
      es = new EventSource(`/api${path}`, { withCredentials: true });
      es.addEventListener('snapshot', (e) => {
        setStatus('live');
        ref.current.snapshot(JSON.parse((e as MessageEvent).data) as S);
      });
      es.addEventListener('update', (e) => {
        const m = JSON.parse((e as MessageEvent).data) as { payload: U & { stale?: boolean } };
        if (m.payload && (m.payload as { stale?: boolean }).stale) {
          es?.close();
          if (!closed) connect();
          return;
        }
        ref.current.update(m.payload);
      });
      es.onerror = () => setStatus('reconnecting');
    };
    connect();
    return () => {
      closed = true;
      es?.close();
    };
  }, [path]);
  return status;
}
