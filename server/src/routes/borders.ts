/** Crossings and coordination events: reads for everyone in the province, writes for the border unit. */
import { Hono } from 'hono';
import { z } from 'zod';
import {
  CrossingInputSchema,
  CrossingPatchSchema,
  CrossingsQuerySchema,
  EventInputSchema,
  EventPatchSchema,
  EventsQuerySchema,
  FollowUpPatchSchema,
  IdSchema,
  RegistryQuerySchema,
} from '@pcmt/shared/contracts';
import { SeizureInputSchema, SeizurePatchSchema } from '@pcmt/shared/border-contracts';
import type { AppDeps } from '../deps.ts';
import type { AppEnv } from '../http/env.ts';
import { allow, requestContext } from '../http/guards.ts';
import { json, params, query } from '../http/validate.ts';
import { crossingDetail, crossingsCollection, listEvents } from '../services/borders.ts';
import {
  createCrossing,
  createEvent,
  updateCrossing,
  updateEvent,
  updateFollowUp,
} from '../services/border-writes.ts';
import { registryPage } from '../services/coordination.ts';
import { createSeizure, updateSeizure } from '../services/seizures.ts';
import { addAttachment, readAttachment } from '../services/event-files.ts';
import { denyOutOfScope, inScope, provinceForRead, provinceScope } from '../services/scope.ts';
import { expectedVersion } from '../services/versioned.ts';

const Id = z.object({ id: IdSchema });

export const borderRoutes = (deps: AppDeps) =>
  new Hono<AppEnv>()
    .get(
      '/crossings',
      allow(deps, 'GET /api/crossings'),
      query(CrossingsQuerySchema),
      async (c) => {
        const scope = await provinceScope(deps.db, c.get('user'));
        const fc = await crossingsCollection(deps.db, c.req.valid('query'));
        return c.json({
          ...fc,
          features: fc.features.filter((f) => inScope(scope, f.properties.provinceSlug)),
        });
      },
    )
    .get('/crossings/:id', allow(deps, 'GET /api/crossings/:id'), params(Id), async (c) => {
      const scope = await provinceScope(deps.db, c.get('user'));
      const crossing = await crossingDetail(deps.db, c.req.valid('param').id);
      if (!inScope(scope, crossing.provinceSlug))
        await denyOutOfScope(deps.db, deps.clock(), scope, `Crossing ${crossing.id}`, 'id', {
          objectType: 'crossing',
          objectId: crossing.id,
        });
      c.header('ETag', `"${crossing.version}"`);
      return c.json(crossing);
    })
    .post(
      '/crossings',
      allow(deps, 'POST /api/crossings'),
      json(CrossingInputSchema),
      async (c) => {
        const { scope, now, ip } = await requestContext(deps, c);
        return c.json(await createCrossing(deps.db, now, scope, c.req.valid('json'), ip), 201);
      },
    )
    .patch(
      '/crossings/:id',
      allow(deps, 'PATCH /api/crossings/:id'),
      params(Id),
      json(CrossingPatchSchema),
      async (c) => {
        const { scope, now, ip } = await requestContext(deps, c);
        const { version, ...patch } = c.req.valid('json');
        const v = expectedVersion(c.req.header('if-match'), version);
        return c.json(
          await updateCrossing(deps.db, now, scope, c.req.valid('param').id, v, patch, ip),
        );
      },
    )
    .post(
      '/crossings/:id/seizures',
      allow(deps, 'POST /api/crossings/:id/seizures'),
      params(Id),
      json(SeizureInputSchema),
      async (c) => {
        const { scope, now, ip } = await requestContext(deps, c);
        const id = c.req.valid('param').id;
        return c.json(await createSeizure(deps.db, now, scope, id, c.req.valid('json'), ip), 201);
      },
    )
    .patch(
      '/seizures/:id',
      allow(deps, 'PATCH /api/seizures/:id'),
      params(Id),
      json(SeizurePatchSchema),
      async (c) => {
        const { scope, now, ip } = await requestContext(deps, c);
        const { version, ...patch } = c.req.valid('json');
        const v = expectedVersion(c.req.header('if-match'), version);
        return c.json(
          await updateSeizure(deps.db, now, scope, c.req.valid('param').id, v, patch, ip),
        );
      },
    )
    .get('/events', allow(deps, 'GET /api/events'), query(EventsQuerySchema), async (c) => {
      const scope = await provinceScope(deps.db, c.get('user'));
      const rows = await listEvents(deps.db, c.req.valid('query'));
      return c.json(rows.filter((e) => inScope(scope, e.provinceSlug)));
    })
    .post('/events', allow(deps, 'POST /api/events'), json(EventInputSchema), async (c) => {
      const { scope, now, ip } = await requestContext(deps, c);
      return c.json(await createEvent(deps.db, now, scope, c.req.valid('json'), ip), 201);
    })
    .get(
      '/coordination',
      allow(deps, 'GET /api/coordination'),
      query(RegistryQuerySchema),
      async (c) => {
        const q = c.req.valid('query');
        const province = await provinceForRead(deps.db, deps.clock(), c.get('user'), q.province);
        return c.json(await registryPage(deps.db, province, q));
      },
    )
    .patch(
      '/follow-ups/:id',
      allow(deps, 'PATCH /api/follow-ups/:id'),
      params(Id),
      json(FollowUpPatchSchema),
      async (c) => {
        const { scope, now, ip } = await requestContext(deps, c);
        const { version, ...patch } = c.req.valid('json');
        const v = expectedVersion(c.req.header('if-match'), version);
        return c.json(
          await updateFollowUp(deps.db, now, scope, c.req.valid('param').id, v, patch, ip),
        );
      },
    )
    .post(
      '/events/:id/attachments',
      allow(deps, 'POST /api/events/:id/attachments'),
      params(Id),
      async (c) => {
        const { scope, now, ip } = await requestContext(deps, c);
        const bytes = new Uint8Array(await c.req.arrayBuffer());
        return c.json(
          await addAttachment(
            deps.db,
            now,
            scope,
            c.req.valid('param').id,
            bytes,
            c.req.header('x-file-name'),
            ip,
          ),
          201,
        );
      },
    )
    .get(
      '/events/:id/attachments/:file',
      allow(deps, 'GET /api/events/:id/attachments/:file'),
      params(z.object({ id: IdSchema, file: IdSchema })),
      async (c) => {
        const scope = await provinceScope(deps.db, c.get('user'));
        const { id, file } = c.req.valid('param');
        const a = await readAttachment(deps.db, deps.clock(), scope, id, file);
        c.header('Content-Type', a.mime);
        c.header(
          'Content-Disposition',
          `attachment; filename="bien-ban.pdf"; filename*=UTF-8''${encodeURIComponent(a.fileName)}`,
        );
        c.header('X-Content-Type-Options', 'nosniff');
        // A minute may be sensitive: kept by no cache, on a shared PC neither.
        c.header('Cache-Control', 'private, no-store');
        return c.body(new Uint8Array(a.content));
      },
    )
    .patch(
      '/events/:id',
      allow(deps, 'PATCH /api/events/:id'),
      params(Id),
      json(EventPatchSchema),
      async (c) => {
        const { scope, now, ip } = await requestContext(deps, c);
        const { version, ...patch } = c.req.valid('json');
        const v = expectedVersion(c.req.header('if-match'), version);
        return c.json(
          await updateEvent(deps.db, now, scope, c.req.valid('param').id, v, patch, ip),
        );
      },
    );
