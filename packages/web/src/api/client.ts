import type { ErrorDetail } from '@baton/contract/common';

/** The error shape of every 4xx/5xx answer: `{ error: { code, message, details } }` (the contract's ErrorResponse). */
export class ApiError extends Error {
  readonly status: number;
  readonly code: string;
  readonly details: ErrorDetail[];

  constructor(status: number, code: string, message: string, details: ErrorDetail[] = []) {
    super(message);
    this.name = 'ApiError';
    this.status = status;
    this.code = code;
    this.details = details;
  }
}

export function isApiError(error: unknown, code?: string): error is ApiError {
  return error instanceof ApiError && (code === undefined || error.code === code);
}

type QueryValue = string | number | boolean | null | undefined | readonly (string | number)[];

export interface RequestOptions {
  method?: 'GET' | 'POST' | 'PATCH' | 'PUT' | 'DELETE';
  query?: Record<string, QueryValue>;
  /** JSON body; use `form` for multipart uploads. */
  body?: unknown;
  form?: FormData;
  signal?: AbortSignal;
}

/** Paths whose 401 is an answer to show (wrong password), not an expired session. */
const NO_REDIRECT_ON_401 = new Set(['/api/auth/login']);

let unauthorizedHandler: () => void = () => {
  if (!window.location.pathname.startsWith('/sign-in')) {
    const next = window.location.pathname + window.location.search;
    window.location.assign(`/sign-in?next=${encodeURIComponent(next)}`);
  }
};

/** The app replaces the default (a full reload to /sign-in) with a router navigation that also clears the cache. */
export function setUnauthorizedHandler(handler: () => void): void {
  unauthorizedHandler = handler;
}

export function buildUrl(path: string, query?: Record<string, QueryValue>): string {
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(query ?? {})) {
    if (value === undefined || value === null || value === '') continue;
    // a repeated parameter: ?kind=routine&kind=key_task
    if (Array.isArray(value)) for (const item of value) params.append(key, String(item));
    else params.set(key, String(value));
  }
  const qs = params.toString();
  return qs ? `${path}?${qs}` : path;
}

async function readError(response: Response): Promise<ApiError> {
  let payload: unknown;
  try {
    payload = await response.json();
  } catch {
    payload = undefined;
  }
  const error = (payload as { error?: { code?: unknown; message?: unknown; details?: unknown } } | undefined)?.error;
  if (error && typeof error.code === 'string') {
    const details = Array.isArray(error.details) ? (error.details as ErrorDetail[]) : [];
    return new ApiError(response.status, error.code, typeof error.message === 'string' ? error.message : error.code, details);
  }
  return new ApiError(response.status, `http.${response.status}`, response.statusText || `HTTP ${response.status}`);
}

/** fetch for the Baton API: same-origin cookie session, JSON in and out, errors as ApiError. */
export async function api<T>(path: string, options: RequestOptions = {}): Promise<T> {
  const headers: Record<string, string> = { Accept: 'application/json' };
  let body: BodyInit | undefined;
  if (options.form) {
    body = options.form;
  } else if (options.body !== undefined) {
    headers['Content-Type'] = 'application/json';
    body = JSON.stringify(options.body);
  }
  let response: Response;
  try {
    response = await fetch(buildUrl(path, options.query), {
      method: options.method ?? (body === undefined ? 'GET' : 'POST'),
      headers,
      body,
      credentials: 'same-origin',
      signal: options.signal,
    });
  } catch (cause) {
    if (cause instanceof DOMException && cause.name === 'AbortError') throw cause;
    throw new ApiError(0, 'network', cause instanceof Error ? cause.message : String(cause));
  }
  if (!response.ok) {
    const error = await readError(response);
    if (response.status === 401 && !NO_REDIRECT_ON_401.has(path)) unauthorizedHandler();
    throw error;
  }
  if (response.status === 204) return undefined as T;
  const type = response.headers.get('content-type') ?? '';
  if (!type.includes('json')) return undefined as T;
  return (await response.json()) as T;
}

/** Follows `nextCursor` until the end — for lists the contract bounds (units: ≤ 5000 a page). */
export async function fetchAllPages<T>(
  path: string,
  query: Record<string, QueryValue> = {},
  signal?: AbortSignal,
): Promise<T[]> {
  const items: T[] = [];
  let cursor: string | null | undefined;
  do {
    const page: { items: T[]; nextCursor?: string | null } = await api(path, { query: { ...query, cursor }, signal });
    items.push(...page.items);
    cursor = page.nextCursor;
  } while (cursor);
  return items;
}

function fileNameOf(response: Response, fallback: string): string {
  const header = response.headers.get('content-disposition') ?? '';
  const star = header.match(/filename\*=UTF-8''([^;]+)/i)?.[1];
  if (star) {
    try {
      return decodeURIComponent(star);
    } catch {
      return fallback;
    }
  }
  return header.match(/filename="?([^";]+)"?/i)?.[1] ?? fallback;
}

/** Downloads a file answer (template, export) with the session cookie, keeping the server's file name. */
export async function downloadFile(path: string, fallbackName: string): Promise<{ blob: Blob; fileName: string }> {
  const response = await fetch(path, { credentials: 'same-origin' });
  if (!response.ok) {
    let code = `http.${response.status}`;
    let message = response.statusText;
    try {
      const body = (await response.json()) as { error?: { code?: string; message?: string } };
      code = body.error?.code ?? code;
      message = body.error?.message ?? message;
    } catch {
      // not JSON
    }
    throw new ApiError(response.status, code, message);
  }
  return { blob: await response.blob(), fileName: fileNameOf(response, fallbackName) };
}
