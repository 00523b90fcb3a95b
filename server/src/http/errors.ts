/** Turns every thrown error into the one error body; no stack trace ever reaches a client. */
import type { Context, ErrorHandler, NotFoundHandler } from 'hono';
import { HTTPException } from 'hono/http-exception';
import type { ZodError } from 'zod';
import { ERROR_CODES, type ErrorBody } from '@pcmt/shared/errors';
import { isForeignKeyViolation, isUniqueViolation, violatedField } from '../db/pg-errors.ts';
import { ApiError, FileIssuesError, RetryLaterError, StaleVersionError } from '../errors.ts';

export function body(code: string, message: string, field?: string): ErrorBody {
  return { error: field ? { code, message, field } : { code, message } };
}

/** The first zod issue as a 400 body naming the field. */
export function zodErrorBody(err: ZodError): ErrorBody {
  const issue = err.issues[0]!;
  const field = issue.path.join('.') || undefined;
  return body(ERROR_CODES.validation, field ? `${field}: ${issue.message}` : issue.message, field);
}

export const onError: ErrorHandler = (err, c: Context) => {
  if (err instanceof StaleVersionError)
    return c.json({ ...body(err.code, err.message), current: err.current }, err.status);
  if (err instanceof FileIssuesError) {
    const b = body(err.code, err.message, err.field);
    return c.json({ error: { ...b.error, issues: err.issues } }, err.status);
  }
  if (err instanceof RetryLaterError) c.header('Retry-After', String(err.retryAfterS));
  if (err instanceof ApiError) return c.json(body(err.code, err.message, err.field), err.status);
  if (err instanceof HTTPException) {
    const status = err.status;
    return c.json(
      body(
        status >= 500 ? ERROR_CODES.internal : ERROR_CODES.badRequest,
        err.message || 'Bad request',
      ),
      status,
    );
  }
  if (isUniqueViolation(err)) {
    const field = violatedField(err);
    return c.json(
      body(
        'conflict',
        `${field ? `${field}: ` : ''}this record already exists or was just written by someone else`,
        field,
      ),
      409,
    );
  }
  if (isForeignKeyViolation(err)) {
    const field = violatedField(err);
    return c.json(
      body(ERROR_CODES.validation, `${field ?? 'body'}: names a record that does not exist`, field),
      422,
    );
  }
  console.error('unhandled error', err);
  return c.json(body(ERROR_CODES.internal, 'Internal server error'), 500);
};

export const onNotFound: NotFoundHandler = (c) =>
  c.json(body(ERROR_CODES.notFound, `No route ${c.req.method} ${c.req.path}`), 404);
