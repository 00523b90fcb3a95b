/** The only reader of process.env: validates every field and reports all problems at once. */
import { z } from 'zod';

const EnvSchema = z
  .object({
    PORT: z.coerce.number().int().min(1).max(65535).default(8080),
    HOST: z.string().min(1).default('0.0.0.0'),
    DATABASE_URL: z
      .string()
      .regex(
        /^(file:\/\/.+|memory:\/\/.*|postgres(ql)?:\/\/.+)$/,
        'must be file://DIR, memory:// or postgres://…',
      )
      .optional(),
    /** PostgreSQL only: the owner role that runs the migrations; DATABASE_URL's role then may only add audit rows. */
    MIGRATION_DATABASE_URL: z
      .string()
      .regex(/^postgres(ql)?:\/\/.+$/, 'must be postgres://… (the owner role of the database)')
      .optional(),
    SEED_DEMO: z.enum(['auto', 'never']).default('auto'),
    /** A list of boundary files (shared/src/boundaries.ts BoundaryManifestSchema) imported after the demo data at the first start. */
    BOUNDARIES: z.string().optional(),
    STATIC_DIR: z.string().optional(),
    /** `on` when the dashboard is served over HTTPS (directly or behind a TLS proxy): every answer carries HSTS. */
    HSTS: z.enum(['on', 'off']).default('off'),
    /** `on` behind a reverse proxy that appends the client's address to X-Forwarded-For (sign-in waits are per client). */
    TRUST_PROXY: z.enum(['on', 'off']).default('off'),
    /** Memory each server gives to kept answers (http/answer-cache.ts), in MB; 0 keeps none. */
    ANSWER_CACHE_MB: z.coerce.number().int().min(0).max(4096).default(32),
  })
  .refine((e) => !e.MIGRATION_DATABASE_URL || /^postgres(ql)?:\/\//.test(e.DATABASE_URL ?? ''), {
    path: ['MIGRATION_DATABASE_URL'],
    message: 'needs DATABASE_URL=postgres://… (the embedded database has one role)',
  });
export type Env = z.infer<typeof EnvSchema>;

export function readEnv(source: Record<string, string | undefined> = process.env): Env {
  const parsed = EnvSchema.safeParse(source);
  if (!parsed.success) {
    const lines = parsed.error.issues.map((i) => `  ${i.path.join('.')}: ${i.message}`);
    throw new Error(`Invalid environment:\n${lines.join('\n')}`);
  }
  return parsed.data;
}
