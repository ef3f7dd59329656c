import { useCallback } from 'react';
import { useSearchParams } from 'react-router-dom';
import { idOf } from '../../shared/params';

/**
 * The entry shown in the entry drawer is part of the URL (`?entry=812`), so any page — the feed, the
 * calendar, a notification in the header bell — opens it the same way, and the back button closes it.
 */
export function useEntryParam(): { entryId: number | null; openEntry: (id: number) => void; closeEntry: () => void } {
  const [params, setParams] = useSearchParams();
  const entryId = idOf(params.get('entry'));
  const openEntry = useCallback(
    (id: number) =>
      setParams((prev) => {
        const next = new URLSearchParams(prev);
        next.set('entry', String(id));
        return next;
      }),
    [setParams],
  );
  const closeEntry = useCallback(
    () =>
      setParams(
        (prev) => {
          const next = new URLSearchParams(prev);
          next.delete('entry');
          return next;
        },
        { replace: true },
      ),
    [setParams],
  );
  return { entryId, openEntry, closeEntry };
}
