-- State on a date (issue 8): a hotspot's status is derived from its dates, never stored; several assessments
-- of one unit on one day are ordered by seq (a later one corrects an earlier one) and (unit, day, seq) is unique;
-- phase objectives become objects with an optional numeric target; a task keeps the day it was done.
DROP INDEX "assessments_unit_date";--> statement-breakpoint
ALTER TABLE "tier_assessments" ADD COLUMN "seq" integer DEFAULT 0 NOT NULL;--> statement-breakpoint
UPDATE "tier_assessments" t SET "seq" = r.n - 1
  FROM (SELECT "id", row_number() OVER (PARTITION BY "unit_id", "assessed_on" ORDER BY "created_at", "id") AS n
        FROM "tier_assessments") r
  WHERE t."id" = r."id";--> statement-breakpoint
CREATE UNIQUE INDEX "assessments_unit_date_seq" ON "tier_assessments" USING btree ("unit_id","assessed_on","seq");--> statement-breakpoint
ALTER TABLE "hotspots" DROP COLUMN "status";--> statement-breakpoint
ALTER TABLE "plan_tasks" ADD COLUMN "done_on" date;--> statement-breakpoint
UPDATE "plan_tasks" SET "done_on" = ("updated_at" AT TIME ZONE 'Asia/Ho_Chi_Minh')::date WHERE "status" = 'done';--> statement-breakpoint
UPDATE "phases" SET "objectives" = (
  SELECT coalesce(jsonb_agg(CASE WHEN jsonb_typeof(e) = 'string' THEN jsonb_build_object('text', e) ELSE e END), '[]'::jsonb)
  FROM jsonb_array_elements("objectives") e
);
