ALTER TABLE "plan_tasks" ADD COLUMN "target" text DEFAULT '' NOT NULL;--> statement-breakpoint
ALTER TABLE "plan_tasks" ADD COLUMN "responsible_position" text DEFAULT '' NOT NULL;