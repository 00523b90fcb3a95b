/** Users, agencies and the audit trail (admin). An admin of a province manages that province only. */
import { createHash } from 'node:crypto';
import { Hono } from 'hono';
import { z } from 'zod';
import {
  AgencyInputSchema,
  AgencyPatchSchema,
  AuditQuerySchema,
  AuditExportQuerySchema,
  IdSchema,
  UserInputSchema,
  UserPatchSchema,
} from '@pcmt/shared/contracts';
import type { AppDeps } from '../deps.ts';
import type { AppEnv } from '../http/env.ts';
import { allow } from '../http/guards.ts';
import { json, params, query } from '../http/validate.ts';
import { auditedRateLimit } from '../http/rate-limit.ts';
import { auditCsv, auditZip, queryAudit } from '../services/audit-query.ts';
import { adminCreateUser, adminUpdateUser } from '../services/user-admin.ts';
import { listUsers } from '../services/users.ts';
import { createAgency, listAgencies, updateAgency } from '../services/agencies.ts';
import { provinceScope } from '../services/scope.ts';
import { expectedVersion } from '../services/versioned.ts';

export const adminRoutes = (deps: AppDeps) =>
  new Hono<AppEnv>()
    .get('/users', allow(deps, 'GET /api/users'), async (c) =>
      c.json(await listUsers(deps.db, c.get('user').provinceSlug)),
    )
    .post('/users', allow(deps, 'POST /api/users'), json(UserInputSchema), async (c) =>
      c.json(
        await adminCreateUser(
          deps.db,
          deps.clock(),
          c.get('user'),
          c.req.valid('json'),
          c.get('clientIp'),
        ),
        201,
      ),
    )
    .patch(
      '/users/:id',
      allow(deps, 'PATCH /api/users/:id'),
      params(z.object({ id: IdSchema })),
      json(UserPatchSchema),
      async (c) => {
        const { version, ...patch } = c.req.valid('json');
        return c.json(
          await adminUpdateUser(
            deps.db,
            deps.clock(),
            c.get('user'),
            c.req.valid('param').id,
            expectedVersion(c.req.header('if-match'), version),
            patch,
            c.get('clientIp'),
          ),
        );
      },
    )
    .get('/agencies', allow(deps, 'GET /api/agencies'), async (c) =>
      c.json(await listAgencies(deps.db, await provinceScope(deps.db, c.get('user')))),
    )
    .post('/agencies', allow(deps, 'POST /api/agencies'), json(AgencyInputSchema), async (c) =>
      c.json(
        await createAgency(
          deps.db,
          deps.clock(),
          await provinceScope(deps.db, c.get('user')),
          c.req.valid('json'),
          c.get('clientIp'),
        ),
        201,
      ),
    )
    .patch(
      '/agencies/:id',
      allow(deps, 'PATCH /api/agencies/:id'),
      params(z.object({ id: IdSchema })),
      json(AgencyPatchSchema),
      async (c) => {
        const { version, ...patch } = c.req.valid('json');
        return c.json(
          await updateAgency(
            deps.db,
            deps.clock(),
            await provinceScope(deps.db, c.get('user')),
            c.req.valid('param').id,
            expectedVersion(c.req.header('if-match'), version),
            patch,
            c.get('clientIp'),
          ),
        );
      },
    )
    .get('/audit', allow(deps, 'GET /api/audit'), query(AuditQuerySchema), async (c) =>
      c.json(await queryAudit(deps.db, c.get('user'), c.req.valid('query'))),
    )
    .get(
      '/audit/export',
      allow(deps, 'GET /api/audit/export'),
      auditedRateLimit(deps, 5, (c) => `export:${(c.get('user') as { id: string }).id}`),
      query(AuditExportQuerySchema),
      async (c) => {
        const { format, ...filters } = c.req.valid('query');
        if (format === 'zip') {
          const { zip, digest } = await auditZip(deps.db, c.get('user'), filters, deps.clock());
          return c.body(zip as Uint8Array<ArrayBuffer>, 200, {
            'Content-Type': 'application/zip',
            'Content-Disposition': 'attachment; filename="nhat-ky-he-thong.zip"',
            'X-Content-SHA256': digest,
          });
        }
        const csv = await auditCsv(deps.db, c.get('user'), filters);
        // RFC 9530: the SHA-256 of the body, for a client that checks what it received.
        return c.body(csv, 200, {
          'Content-Type': 'text/csv; charset=utf-8',
          'Content-Disposition': 'attachment; filename="nhat-ky-he-thong.csv"',
          'Content-Digest': `sha-256=:${createHash('sha256').update(csv).digest('base64')}:`,
        });
      },
    );
