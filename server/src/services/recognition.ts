/**
 * A plan's way to recognition as drug-free and its criteria's history: the steps (proposed, appraised, recognised,
 * re-verified, regressed …) taken under the plan's version by the role the shared rules allow, each audited; every
 * check of a criterion with the role and unit that recorded it; the evidence files of a check (PDF, PNG, JPEG).
 */
import { createHash, randomUUID } from 'node:crypto';
import booleanPointInPolygon from '@turf/boolean-point-in-polygon';
import { and, asc, count, eq, gte, inArray, lte, max } from 'drizzle-orm';
import type { z } from 'zod';
import type { RecognitionStepInputSchema } from '@pcmt/shared/contracts';
import { vietnamDay } from '@pcmt/shared/dates';
import {
  DEFAULT_AGE_LIMIT_MONTHS,
  hotspotOn,
  type HotspotRecord,
} from '@pcmt/shared/state/hotspots';
import { criteriaMetOn, recognitionOn, stepRefusal } from '@pcmt/shared/state/recognition';
import { EVIDENCE_MAX_BYTES, EVIDENCE_PER_CHECK, type EvidenceMime } from '@pcmt/shared/uploads';
import type { Db } from '../db/create-db.ts';
import {
  adminUnits,
  checkEvidence,
  criteriaCheckHistory,
  hotspots,
  recognitionSteps,
  transformationPlans,
} from '../db/schema.ts';
import { ApiError, StaleVersionError } from '../errors.ts';
import { audit, diff } from './audit.ts';
import { cleanFileName } from './event-files.ts';
import { planInScope } from './plan-writes.ts';
import { planSlug } from './plans.ts';
import { denyOutOfScope, inScope, type Scope } from './scope.ts';

/** The criteria's history (newest first, each with its evidence files' names) and the steps toward recognition. */
export async function planHistory(db: Db, now: Date, scope: Scope, id: string) {
  await planInScope(db, now, scope, id, 'plan.read', null);
  const checks = await db
    .select()
    .from(criteriaCheckHistory)
    .where(eq(criteriaCheckHistory.planId, id))
    .orderBy(asc(criteriaCheckHistory.checkedOn), asc(criteriaCheckHistory.id));
  const files = checks.length
    ? await db
        .select({
          id: checkEvidence.id,
          checkId: checkEvidence.checkId,
          fileName: checkEvidence.fileName,
          mime: checkEvidence.mime,
          sizeBytes: checkEvidence.sizeBytes,
        })
        .from(checkEvidence)
        .where(
          inArray(
            checkEvidence.checkId,
            checks.map((c) => c.id),
          ),
        )
    : [];
  const steps = await db
    .select()
    .from(recognitionSteps)
    .where(eq(recognitionSteps.planId, id))
    .orderBy(asc(recognitionSteps.seq));
  return {
    checks: checks.map((c) => ({ ...c, evidence: files.filter((f) => f.checkId === c.id) })),
    steps,
  };
}

const forbidden = (message: string) => new ApiError(403, 'forbidden', message, 'step');
const invalid = (field: string, message: string) =>
  new ApiError(422, 'validation_failed', `${field}: ${message}`, field);

/**
 * Takes a step toward recognition under the plan's version (412 with the plan when stale): the role must be the
 * step's (403), the state must allow it, a decision names its number, a proposal needs 8/8 criteria met on its day,
 * no step before the last one nor after today (422 naming the field). Recognition closes the plan (achieved); a
 * regression reopens it (in progress). One transaction, audited.
 */
export async function addStep(
  db: Db,
  now: Date,
  scope: Scope,
  id: string,
  input: z.infer<typeof RecognitionStepInputSchema>,
  ip: string | null,
) {
  await planInScope(db, now, scope, id, 'plan.step', ip);
  if (input.on > vietnamDay(now)) throw invalid('on', 'must not be after today');
  return db.transaction(async (tx) => {
    const [plan] = await tx
      .select()
      .from(transformationPlans)
      .where(eq(transformationPlans.id, id))
      .for('update');
    if (!plan) throw new ApiError(404, 'not_found', `Plan ${id} not found`, 'id');
    if (input.version === undefined)
      throw new ApiError(
        428,
        'precondition_required',
        'Send the version of the plan you read',
        'version',
      );
    if (input.version !== plan.version) throw new StaleVersionError(plan);
    const steps = await tx.select().from(recognitionSteps).where(eq(recognitionSteps.planId, id));
    const history = await tx
      .select()
      .from(criteriaCheckHistory)
      .where(eq(criteriaCheckHistory.planId, id));
    const now_ = recognitionOn(steps, '9999-12-31');
    const refusal = stepRefusal(input.step, {
      state: now_.state,
      role: scope.user.role,
      decisionNumber: input.decisionNumber,
      criteriaMet: criteriaMetOn(history, input.on).length,
      lastOn: now_.last?.on ?? null,
      on: input.on,
    });
    if (refusal) {
      if (refusal.code === 'wrong_role') {
        await audit(tx, now, {
          actor: scope.user,
          action: 'plan.step',
          objectType: 'plan',
          objectId: id,
          outcome: 'denied',
          clientIp: ip,
          detail: refusal.message,
        });
        throw forbidden(refusal.message);
      }
      throw new ApiError(422, refusal.code, `${refusal.field}: ${refusal.message}`, refusal.field);
    }
    // Criterion 1 is "no hotspot": a unit with a hotspot alive on the day is not put forward nor recognised,
    // whatever its ticks say.
    if (input.step === 'proposed' || input.step === 'appraised' || input.step === 'recognised') {
      const alive = await activeHotspotsOn(tx, plan.unitId, input.on);
      if (alive > 0)
        throw new ApiError(
          422,
          'hotspots_active',
          `step: ${alive} hotspot(s) of the unit are active on ${input.on}: criterion 1 is not met`,
          'step',
        );
    }
    const [{ seq } = { seq: 0 }] = await tx
      .select({ seq: max(recognitionSteps.seq) })
      .from(recognitionSteps)
      .where(eq(recognitionSteps.planId, id));
    const [step] = await tx
      .insert(recognitionSteps)
      .values({
        id: `step-${randomUUID()}`,
        planId: id,
        step: input.step,
        on: input.on,
        seq: (seq ?? 0) + 1,
        decisionNumber: input.decisionNumber,
        note: input.note,
        recordedRole: scope.user.role,
      })
      .returning();
    const status =
      input.step === 'recognised'
        ? 'achieved'
        : input.step === 'regressed' || input.step === 'returned'
          ? 'in_progress'
          : plan.status === 'planned'
            ? 'in_progress'
            : plan.status;
    const [after] = await tx
      .update(transformationPlans)
      .set({ status, version: plan.version + 1, updatedAt: now })
      .where(and(eq(transformationPlans.id, id), eq(transformationPlans.version, plan.version)))
      .returning();
    if (!after) throw new StaleVersionError(plan);
    await audit(tx, now, {
      actor: scope.user,
      action: `plan.${input.step}`,
      objectType: 'plan',
      objectId: id,
      changes: { ...diff(plan, after), step: { before: null, after: step } },
      outcome: 'ok',
      clientIp: ip,
    });
    return { plan: after, step: step! };
  });
}

/**
 * Hotspots of the unit alive on `day` (the shared state on a date: identified by then, not eliminated by then). A
 * hotspot is registered to its commune: a village's are those whose point lies inside the village.
 */
async function activeHotspotsOn(db: Db, unitId: string, day: string) {
  const [unit] = await db.select().from(adminUnits).where(eq(adminUnits.id, unitId));
  const rows =
    unit?.level === 'village'
      ? (
          await db
            .select()
            .from(hotspots)
            .where(
              and(
                gte(hotspots.lng, unit.west),
                lte(hotspots.lng, unit.east),
                gte(hotspots.lat, unit.south),
                lte(hotspots.lat, unit.north),
              ),
            )
        ).filter((h) => booleanPointInPolygon([h.lng, h.lat], unit.geometry as never))
      : await db.select().from(hotspots).where(eq(hotspots.unitId, unitId));
  return rows.filter((h) => {
    const s = hotspotOn(h as HotspotRecord, day, DEFAULT_AGE_LIMIT_MONTHS);
    return !!s && s.status !== 'eliminated';
  }).length;
}

/** The kind of a file by its first bytes: a PDF, a PNG or a JPEG; null for anything else. */
export function evidenceKind(bytes: Uint8Array): EvidenceMime | null {
  const head = Buffer.from(bytes.subarray(0, 8));
  if (head.subarray(0, 5).toString('latin1') === '%PDF-') return 'application/pdf';
  if (head.equals(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])))
    return 'image/png';
  if (head[0] === 0xff && head[1] === 0xd8 && head[2] === 0xff) return 'image/jpeg';
  return null;
}

const EXT: Record<EvidenceMime, string> = {
  'application/pdf': '.pdf',
  'image/png': '.png',
  'image/jpeg': '.jpg',
};

/** The check, if its plan is in the user's province; otherwise an audited 404. */
async function checkInScope(
  db: Db,
  now: Date,
  scope: Scope,
  checkId: number,
  action: string,
  ip: string | null,
) {
  const [check] = await db
    .select()
    .from(criteriaCheckHistory)
    .where(eq(criteriaCheckHistory.id, checkId));
  const found = check ? await planSlug(db, check.planId) : null;
  if (!check || !found || !inScope(scope, found.slug))
    return denyOutOfScope(db, now, scope, `Check ${checkId}`, 'id', {
      action,
      objectType: 'criteria_check',
      objectId: String(checkId),
      clientIp: ip,
    });
  return check;
}

/** Attaches evidence to a check: 5 MB at most (413), a PDF, PNG or JPEG by its bytes (415), 5 files a check. */
export async function addEvidence(
  db: Db,
  now: Date,
  scope: Scope,
  checkId: number,
  bytes: Uint8Array,
  fileName: string | undefined,
  ip: string | null,
) {
  const check = await checkInScope(db, now, scope, checkId, 'evidence.create', ip);
  if (bytes.length > EVIDENCE_MAX_BYTES)
    throw new ApiError(413, 'payload_too_large', 'file: the evidence is larger than 5 MB', 'file');
  if (bytes.length === 0)
    throw new ApiError(422, 'file_invalid', 'file: the file is empty', 'file');
  const mime = evidenceKind(bytes);
  if (!mime)
    throw new ApiError(
      415,
      'unsupported_media_type',
      'file: evidence is a PDF, PNG or JPEG',
      'file',
    );
  return db.transaction(async (tx) => {
    const [held] = await tx
      .select({ n: count() })
      .from(checkEvidence)
      .where(eq(checkEvidence.checkId, check.id));
    if ((held?.n ?? 0) >= EVIDENCE_PER_CHECK)
      throw new ApiError(
        422,
        'too_many_files',
        `file: a check holds ${EVIDENCE_PER_CHECK} files at most`,
        'file',
      );
    const [row] = await tx
      .insert(checkEvidence)
      .values({
        id: `ev-${randomUUID()}`,
        checkId: check.id,
        fileName: cleanFileName(fileName, EXT[mime], 'minh-chung'),
        mime,
        sizeBytes: bytes.length,
        sha256: createHash('sha256').update(bytes).digest('hex'),
        content: bytes,
      })
      .returning({
        id: checkEvidence.id,
        fileName: checkEvidence.fileName,
        mime: checkEvidence.mime,
        sizeBytes: checkEvidence.sizeBytes,
        sha256: checkEvidence.sha256,
      });
    await audit(tx, now, {
      actor: scope.user,
      action: 'evidence.create',
      objectType: 'criteria_check',
      objectId: String(check.id),
      changes: { file: { before: null, after: row } },
      outcome: 'ok',
      clientIp: ip,
    });
    return row!;
  });
}

export async function readEvidence(
  db: Db,
  now: Date,
  scope: Scope,
  checkId: number,
  fileId: string,
) {
  await checkInScope(db, now, scope, checkId, 'evidence.read', null);
  const [file] = await db
    .select()
    .from(checkEvidence)
    .where(and(eq(checkEvidence.id, fileId), eq(checkEvidence.checkId, checkId)));
  if (!file) throw new ApiError(404, 'not_found', `Evidence ${fileId} not found`, 'file');
  return file;
}
