ALTER TABLE "plan_tasks" ALTER COLUMN "plan_id" DROP NOT NULL;--> statement-breakpoint
ALTER TABLE "plan_tasks" ADD COLUMN "campaign_id" text;--> statement-breakpoint
ALTER TABLE "plan_tasks" ADD CONSTRAINT "plan_tasks_campaign_id_campaigns_id_fk" FOREIGN KEY ("campaign_id") REFERENCES "public"."campaigns"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "plan_tasks_campaign" ON "plan_tasks" USING btree ("campaign_id");--> statement-breakpoint
ALTER TABLE "plan_tasks" ADD CONSTRAINT "plan_tasks_one_owner" CHECK (("plan_tasks"."plan_id" is null) <> ("plan_tasks"."campaign_id" is null));