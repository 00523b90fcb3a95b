CREATE TABLE "check_evidence" (
	"id" text PRIMARY KEY NOT NULL,
	"check_id" integer NOT NULL,
	"file_name" text NOT NULL,
	"mime" text NOT NULL,
	"size_bytes" integer NOT NULL,
	"sha256" text NOT NULL,
	"content" "bytea" NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "criteria_check_history" (
	"id" serial PRIMARY KEY NOT NULL,
	"plan_id" text NOT NULL,
	"criterion" integer NOT NULL,
	"met" boolean NOT NULL,
	"checked_on" date NOT NULL,
	"note" text DEFAULT '' NOT NULL,
	"recorded_role" text,
	"recorded_agency_id" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "recognition_steps" (
	"id" text PRIMARY KEY NOT NULL,
	"plan_id" text NOT NULL,
	"step" text NOT NULL,
	"on" date NOT NULL,
	"seq" integer NOT NULL,
	"decision_number" text,
	"note" text DEFAULT '' NOT NULL,
	"recorded_role" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "check_evidence" ADD CONSTRAINT "check_evidence_check_id_criteria_check_history_id_fk" FOREIGN KEY ("check_id") REFERENCES "public"."criteria_check_history"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "criteria_check_history" ADD CONSTRAINT "criteria_check_history_plan_id_transformation_plans_id_fk" FOREIGN KEY ("plan_id") REFERENCES "public"."transformation_plans"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "criteria_check_history" ADD CONSTRAINT "criteria_check_history_recorded_agency_id_agencies_id_fk" FOREIGN KEY ("recorded_agency_id") REFERENCES "public"."agencies"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "recognition_steps" ADD CONSTRAINT "recognition_steps_plan_id_transformation_plans_id_fk" FOREIGN KEY ("plan_id") REFERENCES "public"."transformation_plans"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "evidence_check" ON "check_evidence" USING btree ("check_id");--> statement-breakpoint
CREATE INDEX "check_history_plan" ON "criteria_check_history" USING btree ("plan_id","criterion");--> statement-breakpoint
CREATE UNIQUE INDEX "steps_plan_seq" ON "recognition_steps" USING btree ("plan_id","seq");--> statement-breakpoint
-- Every check stored so far becomes the first entry of its criterion's history (its role and unit are not known).
INSERT INTO "criteria_check_history" ("plan_id", "criterion", "met", "checked_on", "note", "created_at")
SELECT "plan_id", "criterion", "met", "checked_on", "note", "updated_at" FROM "criteria_checks" ORDER BY "id";
