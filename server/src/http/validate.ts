/**
 * zod-validator with the API's error body: 400 naming the first bad field. Text with a NUL character is
 * refused here for every route (PostgreSQL cannot store it, and the request's audit row would be lost).
 */
import { zValidator } from '@hono/zod-validator';
import type { Context } from 'hono';
import type { ZodType } from 'zod';
import { ERROR_CODES } from '@pcmt/shared/errors';
import { body, zodErrorBody } from './errors.ts';

/** The dotted path of the first string holding a NUL character (U+0000), or null. */
export function nulAt(value: unknown, path: string[] = []): string | null {
  if (typeof value === 'string') return value.includes('\u0000') ? path.join('.') : null;
  if (value && typeof value === 'object')
    for (const [k, v] of Object.entries(value)) {
      const at = nulAt(v, [...path, k]);
      if (at !== null) return at;
    }
  return null;
}

/** The 400 for text holding a NUL character, or undefined when there is none. */
function refuseNul(data: unknown, c: Context) {
  const at = nulAt(data);
  if (at === null) return undefined;
  const field = at || 'body';
  return c.json(
    body(ERROR_CODES.validation, `${field}: text must not contain a NUL character`, field),
    400,
  );
}

export const query = <T extends ZodType>(schema: T) =>
  zValidator('query', schema, (result, c) => {
    if (!result.success) return c.json(zodErrorBody(result.error as never), 400);
    return refuseNul(result.data, c);
  });

export const params = <T extends ZodType>(schema: T) =>
  zValidator('param', schema, (result, c) => {
    if (!result.success) return c.json(zodErrorBody(result.error as never), 400);
    return refuseNul(result.data, c);
  });

export const json = <T extends ZodType>(schema: T) =>
  zValidator('json', schema, (result, c) => {
    if (!result.success) return c.json(zodErrorBody(result.error as never), 400);
    return refuseNul(result.data, c);
  });
