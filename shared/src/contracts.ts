/** Zod contracts for API input, used by the server to validate and by the web to build requests. */
import { z } from 'zod';
import { BORDERS, CROSSING_KINDS, HOTSPOT_KINDS, HOTSPOT_STATUSES, UNIT_LEVELS } from './domain.ts';
import { isIsoDate } from './dates.ts';

export const IsoDateSchema = z.string().refine(isIsoDate, 'must be a calendar date YYYY-MM-DD');
export const SlugSchema = z
  .string()
  .regex(/^[a-z][a-z-]{1,40}$/, 'must be a province slug such as lao-cai');
export const IdSchema = z.string().regex(/^[A-Za-z0-9_-]{1,80}$/, 'must be an identifier');

/** `west,south,east,north` in degrees. */
export const BBoxParamSchema = z
  .string()
  .transform((s) => s.split(',').map(Number))
  .refine(
    (n) =>
      n.length === 4 &&
      n.every(Number.isFinite) &&
      n[0]! <= n[2]! &&
      n[1]! <= n[3]! &&
      n[0]! >= -180 &&
      n[2]! <= 180 &&
      n[1]! >= -90 &&
      n[3]! <= 90,
    'must be west,south,east,north in degrees',
  );

export const UnitsQuerySchema = z.object({
  level: z.enum(UNIT_LEVELS).default('commune'),
  province: SlugSchema.optional(),
  asOf: IsoDateSchema.optional(),
  bbox: BBoxParamSchema.optional(),
});
export type UnitsQuery = z.infer<typeof UnitsQuerySchema>;

export const HotspotsQuerySchema = z.object({
  province: SlugSchema.optional(),
  asOf: IsoDateSchema.optional(),
  since: IsoDateSchema.optional(),
  campaign: IdSchema.optional(),
  phase: IdSchema.optional(),
  kind: z.enum(HOTSPOT_KINDS).optional(),
  status: z.enum(HOTSPOT_STATUSES).optional(),
  unit: IdSchema.optional(),
});
export type HotspotsQuery = z.infer<typeof HotspotsQuerySchema>;

export const CrossingsQuerySchema = z.object({
  province: SlugSchema.optional(),
  border: z.enum(BORDERS).optional(),
  kind: z.enum(CROSSING_KINDS).optional(),
});

export const ProvinceQuerySchema = z.object({
  province: SlugSchema.optional(),
  asOf: IsoDateSchema.optional(),
});

export const EventsQuerySchema = z.object({
  crossing: IdSchema.optional(),
  border: z.enum(BORDERS).optional(),
  from: IsoDateSchema.optional(),
  to: IsoDateSchema.optional(),
});
