/** zod-validator with the API's error body: 400 naming the first bad field. */
import { zValidator } from '@hono/zod-validator';
import type { ZodType } from 'zod';
import { zodErrorBody } from './errors.ts';

export const query = <T extends ZodType>(schema: T) =>
  zValidator('query', schema, (result, c) => {
    if (!result.success) return c.json(zodErrorBody(result.error as never), 400);
  });

export const params = <T extends ZodType>(schema: T) =>
  zValidator('param', schema, (result, c) => {
    if (!result.success) return c.json(zodErrorBody(result.error as never), 400);
  });

export const json = <T extends ZodType>(schema: T) =>
  zValidator('json', schema, (result, c) => {
    if (!result.success) return c.json(zodErrorBody(result.error as never), 400);
  });
