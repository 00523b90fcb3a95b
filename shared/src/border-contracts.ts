/** Zod contracts of the border belt: the stations' stretches, the alerts near the border and the province's rule. */
import { z } from 'zod';
import { SEIZURE_KINDS, SEIZURE_UNITS } from './domain.ts';
import { IsoDateSchema, SlugSchema } from './contracts.ts';

export const BorderQuerySchema = z.object({ province: SlugSchema.optional() });

/** The next state of an alert: an open one is acknowledged or resolved, an acknowledged one resolved. */
export const AlertPatchSchema = z
  .object({
    state: z.enum(['acknowledged', 'resolved']),
    /** What the station did or found: places and facts, never a person's name. */
    note: z.string().trim().max(2000).default(''),
    version: z.number().int().min(1).optional(),
  })
  .strict();

/** Up to 100 km: a belt or an alert distance beyond it would make the whole province a border area. */
const Metres = z.number().int().min(0).max(100_000);

export const BorderRulePutSchema = z
  .object({
    beltM: Metres,
    alertWithinM: Metres,
    /** The version read (0 when the province still has the defaults). */
    version: z.number().int().min(0).optional(),
  })
  .strict();

/** A seizure at a crossing: what, how much in which unit, on which day; never who. */
const seizureFields = {
  seizedOn: IsoDateSchema,
  kind: z.enum(SEIZURE_KINDS),
  quantity: z.number().finite().positive().max(10_000_000),
  unit: z.enum(SEIZURE_UNITS),
  /** Where and how it was found: places and facts, never a person's name. */
  note: z.string().trim().max(500),
};
export const SeizureInputSchema = z
  .object({ ...seizureFields, note: seizureFields.note.default('') })
  .strict();
export const SeizurePatchSchema = z
  .object(seizureFields)
  .partial()
  .extend({ version: z.number().int().min(1).optional() })
  .strict();
