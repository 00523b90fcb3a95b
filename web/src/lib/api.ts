/** The one typed API client (Hono RPC) and `unwrap`, which turns an error body into an ApiError. */
import { hc } from 'hono/client';
import type { AppType } from '@pcmt/server/app';
import type { ErrorBody, FileIssue } from '@pcmt/shared/errors';
import { XLSX_MIME } from '@pcmt/shared/uploads';
import { trackedFetch } from './connectivity.ts';

let csrfToken = '';
/** Remembers the session's CSRF token; every write sends it back in X-CSRF-Token. */
export const setCsrfToken = (token: string) => {
  csrfToken = token;
};
export const currentCsrfToken = () => csrfToken;

export const api = hc<AppType>('/api', {
  // Every call notes the link's state, and a write that may wait goes to the outbox when there is none.
  fetch: trackedFetch,
  headers: (): Record<string, string> => (csrfToken ? { 'X-CSRF-Token': csrfToken } : {}),
});

export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly field?: string,
    /** An uploaded file's problems, by sheet, row and column. */
    readonly issues: FileIssue[] = [],
    /** A 429's Retry-After, in seconds. */
    readonly retryAfterS?: number,
  ) {
    super(message);
  }
}

type Json<R> = R extends { json(): Promise<infer T> } ? T : never;

/** Awaits a client call; returns its JSON or throws ApiError with the server's code and field. */
export async function unwrap<
  R extends { ok: boolean; status: number; headers?: Headers; json(): Promise<unknown> },
>(call: Promise<R>): Promise<Exclude<Json<R>, ErrorBody>> {
  const res = await call;
  if (res.ok) return (await res.json()) as Exclude<Json<R>, ErrorBody>;
  let body: Partial<ErrorBody> = {};
  try {
    body = (await res.json()) as unknown as ErrorBody;
  } catch {
    // not JSON: keep the status only
  }
  throw new ApiError(
    res.status,
    body.error?.code ?? 'http_error',
    body.error?.message ?? `HTTP ${res.status}`,
    body.error?.field,
    body.error?.issues ?? [],
    Number(res.headers?.get('retry-after')) || undefined,
  );
}

/**
 * Sends a file as the whole body of a POST (the upload routes take the .xlsx itself, not JSON);
 * answers like `unwrap`. The path is one of the server's UPLOAD_ROUTES.
 */
export function postFile<T>(
  path: `/api/${string}`,
  file: Blob,
  type: string = XLSX_MIME,
  extra: Record<string, string> = {},
): Promise<T> {
  return unwrap(
    trackedFetch(path, {
      method: 'POST',
      credentials: 'same-origin',
      headers: {
        'Content-Type': type,
        ...(csrfToken ? { 'X-CSRF-Token': csrfToken } : {}),
        ...extra,
      },
      body: file,
    }) as never,
  ) as Promise<T>;
}
