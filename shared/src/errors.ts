import { z } from 'zod';

/** The one error body of the whole API. */
export const ErrorBodySchema = z.object({
  error: z.object({
    code: z.string(),
    message: z.string(),
    field: z.string().optional(),
    /** For an uploaded file: every problem found, by sheet, row and column (1-based row, column letter). */
    issues: z
      .array(
        z.object({
          sheet: z.string(),
          row: z.number().int().nullable(),
          column: z.string().nullable(),
          problem: z.string(),
          /** The problem's code (shared/src/file-issues.ts) and its values, for the client's language. */
          code: z.string().optional(),
          values: z.record(z.string(), z.union([z.string(), z.number()])).optional(),
        }),
      )
      .optional(),
  }),
});
export type ErrorBody = z.infer<typeof ErrorBodySchema>;
export type FileIssue = NonNullable<ErrorBody['error']['issues']>[number];

export const ERROR_CODES = {
  badRequest: 'bad_request',
  validation: 'validation_failed',
  notFound: 'not_found',
  conflict: 'conflict',
  internal: 'internal_error',
} as const;
