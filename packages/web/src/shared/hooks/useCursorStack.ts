import { useState } from 'react';

/**
 * Cursor pagination (`?cursor=` → `nextCursor`): a stack of the cursors of the pages we
 * came through, its top being the current page. It belongs to one filter; a new filter
 * starts again from the first page.
 */
export function useCursorStack(filterKey: string) {
  const [state, setState] = useState<{ filterKey: string; stack: (string | null)[] }>({ filterKey, stack: [null] });
  const stack = state.filterKey === filterKey ? state.stack : [null];
  return {
    cursor: stack[stack.length - 1] ?? null,
    pageNumber: stack.length,
    hasPrevious: stack.length > 1,
    next: (cursor: string) => setState({ filterKey, stack: [...stack, cursor] }),
    previous: () => setState({ filterKey, stack: stack.slice(0, -1) }),
    reset: () => setState({ filterKey, stack: [null] }),
  };
}
