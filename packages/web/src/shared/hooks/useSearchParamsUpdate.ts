import { useCallback } from 'react';
import { useSearchParams } from 'react-router-dom';

export type SearchParamChanges = Record<string, string | readonly string[] | null>;

/**
 * Changes some query parameters of the page and keeps the others: `null` or `''` removes one, a list
 * repeats it. Pages keep their filters in the address, so a reload or a shared link shows the same.
 * Replaces the history entry unless `replace` is false.
 */
export function useSearchParamsUpdate(): (changes: SearchParamChanges, replace?: boolean) => void {
  const [, setParams] = useSearchParams();
  return useCallback(
    (changes: SearchParamChanges, replace = true) =>
      setParams(
        (prev) => {
          const next = new URLSearchParams(prev);
          for (const [key, value] of Object.entries(changes)) {
            next.delete(key);
            if (Array.isArray(value)) for (const v of value as readonly string[]) next.append(key, v);
            else if (value !== null && value !== '') next.set(key, value as string);
          }
          return next;
        },
        { replace },
      ),
    [setParams],
  );
}
