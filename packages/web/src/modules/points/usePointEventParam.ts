import { useCallback } from 'react';
import { useSearchParams } from 'react-router-dom';
import { idOf } from '../../shared/params';

/** The event shown in the event drawer is part of the URL (`?event=17`): any page opens it the same way; back closes it. */
export function usePointEventParam(): { eventId: number | null; openEvent: (id: number) => void; closeEvent: () => void } {
  const [params, setParams] = useSearchParams();
  const eventId = idOf(params.get('event'));
  const openEvent = useCallback(
    (id: number) =>
      setParams((prev) => {
        const next = new URLSearchParams(prev);
        next.set('event', String(id));
        return next;
      }),
    [setParams],
  );
  const closeEvent = useCallback(
    () =>
      setParams(
        (prev) => {
          const next = new URLSearchParams(prev);
          next.delete('event');
          return next;
        },
        { replace: true },
      ),
    [setParams],
  );
  return { eventId, openEvent, closeEvent };
}
