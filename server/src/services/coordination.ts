/**
 * The coordination registry's reads: events with their follow-ups and the list of their minutes (not the bytes),
 * and a page of a province's history filtered by date, kind, level and crossing.
 */
import { and, asc, count, desc, eq, gte, inArray, lte } from 'drizzle-orm';
import type { Db } from '../db/create-db.ts';
import {
  borderCrossings,
  coordinationEvents,
  eventAttachments,
  eventFollowUps,
} from '../db/schema.ts';

type EventRow = typeof coordinationEvents.$inferSelect;

/** The events with their follow-ups (in order) and their attachments' names and sizes. */
export async function withParts<E extends EventRow>(db: Db, events: E[]) {
  const ids = events.map((e) => e.id);
  const [followUps, files] = ids.length
    ? await Promise.all([
        db
          .select()
          .from(eventFollowUps)
          .where(inArray(eventFollowUps.eventId, ids))
          .orderBy(asc(eventFollowUps.ordinal)),
        db
          .select({
            id: eventAttachments.id,
            eventId: eventAttachments.eventId,
            fileName: eventAttachments.fileName,
            mime: eventAttachments.mime,
            sizeBytes: eventAttachments.sizeBytes,
            createdAt: eventAttachments.createdAt,
          })
          .from(eventAttachments)
          .where(inArray(eventAttachments.eventId, ids))
          .orderBy(asc(eventAttachments.createdAt)),
      ])
    : [[], []];
  return events.map((e) => ({
    ...e,
    followUps: followUps.filter((f) => f.eventId === e.id),
    attachments: files.filter((f) => f.eventId === e.id),
  }));
}

export interface RegistryQuery {
  province?: string;
  crossing?: string;
  kind?: string;
  level?: string;
  from?: string;
  to?: string;
  page: number;
  pageSize: number;
}

/** One page of the history, newest first, with the total it is a page of. */
export async function registryPage(db: Db, province: string | undefined, q: RegistryQuery) {
  const where = and(
    province ? eq(coordinationEvents.provinceSlug, province) : undefined,
    q.crossing ? eq(coordinationEvents.crossingId, q.crossing) : undefined,
    q.kind ? eq(coordinationEvents.kind, q.kind) : undefined,
    q.level ? eq(coordinationEvents.level, q.level) : undefined,
    q.from ? gte(coordinationEvents.occurredOn, q.from) : undefined,
    q.to ? lte(coordinationEvents.occurredOn, q.to) : undefined,
  );
  const [total] = await db.select({ n: count() }).from(coordinationEvents).where(where);
  const rows = await db
    .select({ e: coordinationEvents, crossingName: borderCrossings.name })
    .from(coordinationEvents)
    .leftJoin(borderCrossings, eq(borderCrossings.id, coordinationEvents.crossingId))
    .where(where)
    .orderBy(desc(coordinationEvents.occurredOn), asc(coordinationEvents.id))
    .limit(q.pageSize)
    .offset((q.page - 1) * q.pageSize);
  const items = await withParts(
    db,
    rows.map((r) => ({ ...r.e, crossingName: r.crossingName })),
  );
  return { items, total: total?.n ?? 0, page: q.page, pageSize: q.pageSize };
}
