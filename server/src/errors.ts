/**
 * Domain errors: what a service throws when a request cannot be served. They know nothing of HTTP frameworks;
 * `http/errors.ts` turns them into the one error body in one place.
 */
import { ERROR_CODES, type FileIssue } from '@pcmt/shared/errors';

/** The 4xx statuses services answer with (and 500 for what should never happen). */
export type ErrorStatus = 400 | 401 | 403 | 404 | 409 | 412 | 413 | 415 | 422 | 428 | 429 | 500;

export class ApiError extends Error {
  constructor(
    readonly status: ErrorStatus,
    readonly code: string,
    message: string,
    readonly field?: string,
  ) {
    super(message);
  }
}

export const notFound = (what: string, field?: string) =>
  new ApiError(404, ERROR_CODES.notFound, `${what} not found`, field);

/** 429 with a Retry-After: the client may try again after `retryAfterS` seconds. */
export class RetryLaterError extends ApiError {
  constructor(
    code: string,
    message: string,
    readonly retryAfterS: number,
  ) {
    super(429, code, message);
  }
}

/** 412: the record moved on since the client read it; the body carries the current record. */
export class StaleVersionError extends ApiError {
  constructor(readonly current: unknown) {
    super(
      412,
      'stale_version',
      'Someone changed this record since you read it: reload the current version',
    );
  }
}

/** 422: an uploaded file has problems; each is named by sheet, row and column, and nothing was written. */
export class FileIssuesError extends ApiError {
  constructor(readonly issues: FileIssue[]) {
    super(
      422,
      'file_invalid',
      `The file has ${issues.length} problem${issues.length === 1 ? '' : 's'}; nothing was written`,
      'file',
    );
  }
}
