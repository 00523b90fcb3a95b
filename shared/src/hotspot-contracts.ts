/** Zod contracts of the hotspot register: a new hotspot by its position (WGS 84), and an edit or move of one. */
import { z } from 'zod';
import { HOTSPOT_KINDS } from './domain.ts';
import { IsoDateSchema } from './contracts.ts';

const Note = z.string().max(2000).default('');

export const HotspotInputSchema = z
  .object({
    kind: z.enum(HOTSPOT_KINDS),
    identifiedOn: IsoDateSchema,
    /** Degrees, WGS 84. */
    lng: z.number().finite().min(-180).max(180),
    lat: z.number().finite().min(-90).max(90),
    /** Places and facts only: never the name of a person. */
    note: Note,
  })
  .strict();

export const HotspotPatchSchema = z
  .object({
    kind: z.enum(HOTSPOT_KINDS).optional(),
    identifiedOn: IsoDateSchema.optional(),
    lng: z.number().finite().min(-180).max(180).optional(),
    lat: z.number().finite().min(-90).max(90).optional(),
    note: z.string().max(2000).optional(),
    version: z.number().int().min(1).optional(),
  })
  .strict()
  .refine((p) => (p.lng === undefined) === (p.lat === undefined), {
    path: ['lat'],
    message: 'a move gives both lng and lat',
  });
