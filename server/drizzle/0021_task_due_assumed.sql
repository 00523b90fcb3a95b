ALTER TABLE "plan_tasks" ADD COLUMN "due_assumed" boolean DEFAULT false NOT NULL;--> statement-breakpoint
-- A database seeded before this column: Thanh Hóa 2023's seeded tasks with no time in the plan get the mark the
-- pipeline now gives them (regular or periodic work, or no month or quarter named). Tasks users wrote keep false.
UPDATE "plan_tasks" SET "due_assumed" = true
WHERE "campaign_id" = 'th-2023' AND "id" LIKE 'task-th-2023-%' AND "due_on" = '2023-12-31'
  AND ("target" ~ '([Tt]hường xuyên|[Đđ]ịnh kỳ)' OR "target" !~ '(Tháng [0-9]|Quý)');
