CREATE TABLE "admin_units" (
	"id" text PRIMARY KEY NOT NULL,
	"level" text NOT NULL,
	"code" text NOT NULL,
	"name" text NOT NULL,
	"name_en" text NOT NULL,
	"parent_id" text,
	"province_id" text,
	"slug" text,
	"valid_from" date NOT NULL,
	"valid_to" date,
	"population" integer,
	"area_km2" double precision NOT NULL,
	"synthetic" boolean DEFAULT false NOT NULL,
	"geometry" jsonb NOT NULL,
	"bbox_west" double precision NOT NULL,
	"bbox_south" double precision NOT NULL,
	"bbox_east" double precision NOT NULL,
	"bbox_north" double precision NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"version" integer DEFAULT 1 NOT NULL
);
--> statement-breakpoint
CREATE TABLE "agencies" (
	"id" text PRIMARY KEY NOT NULL,
	"kind" text NOT NULL,
	"name" text NOT NULL,
	"province_slug" text NOT NULL,
	"unit_id" text,
	"synthetic" boolean DEFAULT false NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"version" integer DEFAULT 1 NOT NULL
);
--> statement-breakpoint
CREATE TABLE "audit_log" (
	"id" serial PRIMARY KEY NOT NULL,
	"at" timestamp with time zone NOT NULL,
	"user_id" text,
	"username" text,
	"role" text,
	"action" text NOT NULL,
	"object_type" text,
	"object_id" text,
	"changes" jsonb,
	"outcome" text NOT NULL,
	"client_ip" text,
	"detail" text
);
--> statement-breakpoint
CREATE TABLE "border_crossings" (
	"id" text PRIMARY KEY NOT NULL,
	"kind" text NOT NULL,
	"name" text NOT NULL,
	"border" text NOT NULL,
	"province_slug" text NOT NULL,
	"lng" double precision NOT NULL,
	"lat" double precision NOT NULL,
	"counterpart_gate" text,
	"counterpart_province" text NOT NULL,
	"counterpart_country" text NOT NULL,
	"responsible_agency_id" text,
	"commune_ids" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"approximate" boolean DEFAULT true NOT NULL,
	"synthetic" boolean DEFAULT false NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"version" integer DEFAULT 1 NOT NULL
);
--> statement-breakpoint
CREATE TABLE "border_lines" (
	"id" text PRIMARY KEY NOT NULL,
	"border" text NOT NULL,
	"name" text NOT NULL,
	"geometry" jsonb NOT NULL,
	"bbox_west" double precision NOT NULL,
	"bbox_south" double precision NOT NULL,
	"bbox_east" double precision NOT NULL,
	"bbox_north" double precision NOT NULL
);
--> statement-breakpoint
CREATE TABLE "campaigns" (
	"id" text PRIMARY KEY NOT NULL,
	"name" text NOT NULL,
	"name_en" text NOT NULL,
	"province_slug" text NOT NULL,
	"issuing_body" text NOT NULL,
	"source_seed" text,
	"starts_on" date NOT NULL,
	"ends_on" date NOT NULL,
	"age_limits_months" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"version" integer DEFAULT 1 NOT NULL
);
--> statement-breakpoint
CREATE TABLE "coordination_events" (
	"id" text PRIMARY KEY NOT NULL,
	"kind" text NOT NULL,
	"occurred_on" date NOT NULL,
	"crossing_id" text,
	"border" text NOT NULL,
	"province_slug" text NOT NULL,
	"counterpart" text NOT NULL,
	"agency_ids" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"summary" text NOT NULL,
	"follow_ups" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"version" integer DEFAULT 1 NOT NULL
);
--> statement-breakpoint
CREATE TABLE "criteria_checks" (
	"id" serial PRIMARY KEY NOT NULL,
	"plan_id" text NOT NULL,
	"criterion" integer NOT NULL,
	"met" boolean NOT NULL,
	"checked_on" date NOT NULL,
	"note" text DEFAULT '' NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"version" integer DEFAULT 1 NOT NULL
);
--> statement-breakpoint
CREATE TABLE "hotspots" (
	"id" text PRIMARY KEY NOT NULL,
	"kind" text NOT NULL,
	"unit_id" text NOT NULL,
	"lng" double precision NOT NULL,
	"lat" double precision NOT NULL,
	"identified_on" date NOT NULL,
	"eliminated_on" date,
	"re_emerged_from_id" text,
	"status" text NOT NULL,
	"note" text DEFAULT '' NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"version" integer DEFAULT 1 NOT NULL
);
--> statement-breakpoint
CREATE TABLE "key_routes" (
	"id" text PRIMARY KEY NOT NULL,
	"name" text NOT NULL,
	"province_slug" text NOT NULL,
	"synthetic" boolean DEFAULT false NOT NULL,
	"geometry" jsonb NOT NULL,
	"bbox_west" double precision NOT NULL,
	"bbox_south" double precision NOT NULL,
	"bbox_east" double precision NOT NULL,
	"bbox_north" double precision NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"version" integer DEFAULT 1 NOT NULL
);
--> statement-breakpoint
CREATE TABLE "login_attempts" (
	"id" serial PRIMARY KEY NOT NULL,
	"username" text NOT NULL,
	"at" timestamp with time zone NOT NULL,
	"ok" boolean NOT NULL
);
--> statement-breakpoint
CREATE TABLE "phases" (
	"id" text PRIMARY KEY NOT NULL,
	"campaign_id" text NOT NULL,
	"ordinal" integer NOT NULL,
	"name" text NOT NULL,
	"name_en" text NOT NULL,
	"starts_on" date NOT NULL,
	"ends_on" date NOT NULL,
	"objectives" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"version" integer DEFAULT 1 NOT NULL
);
--> statement-breakpoint
CREATE TABLE "progress_entries" (
	"id" text PRIMARY KEY NOT NULL,
	"quota_id" text NOT NULL,
	"recorded_on" date NOT NULL,
	"value" integer NOT NULL,
	"note" text DEFAULT '' NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"version" integer DEFAULT 1 NOT NULL
);
--> statement-breakpoint
CREATE TABLE "quotas" (
	"id" text PRIMARY KEY NOT NULL,
	"campaign_id" text NOT NULL,
	"phase_id" text,
	"agency_id" text,
	"unit_id" text,
	"metric" text NOT NULL,
	"target" integer NOT NULL,
	"label" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"version" integer DEFAULT 1 NOT NULL
);
--> statement-breakpoint
CREATE TABLE "report_deadlines" (
	"id" text PRIMARY KEY NOT NULL,
	"campaign_id" text NOT NULL,
	"phase_id" text,
	"kind" text NOT NULL,
	"due_on" date NOT NULL,
	"title" text NOT NULL,
	"submitted_on" date,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"version" integer DEFAULT 1 NOT NULL
);
--> statement-breakpoint
CREATE TABLE "sessions" (
	"token_hash" text PRIMARY KEY NOT NULL,
	"user_id" text NOT NULL,
	"csrf_token" text NOT NULL,
	"created_at" timestamp with time zone NOT NULL,
	"last_seen_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "tier_assessments" (
	"id" text PRIMARY KEY NOT NULL,
	"unit_id" text NOT NULL,
	"assessed_on" date NOT NULL,
	"tier" text NOT NULL,
	"criteria" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"decided_by" text,
	"note" text DEFAULT '' NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"version" integer DEFAULT 1 NOT NULL
);
--> statement-breakpoint
CREATE TABLE "transformation_plans" (
	"id" text PRIMARY KEY NOT NULL,
	"unit_id" text NOT NULL,
	"from_tier" text NOT NULL,
	"target_tier" text NOT NULL,
	"campaign_id" text,
	"target_phase_id" text,
	"target_date" date NOT NULL,
	"responsible_agency_id" text,
	"status" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"version" integer DEFAULT 1 NOT NULL
);
--> statement-breakpoint
CREATE TABLE "unit_crosswalk" (
	"id" serial PRIMARY KEY NOT NULL,
	"from_unit_id" text NOT NULL,
	"to_unit_id" text NOT NULL,
	"share" double precision DEFAULT 1 NOT NULL,
	"effective_on" date NOT NULL
);
--> statement-breakpoint
CREATE TABLE "users" (
	"id" text PRIMARY KEY NOT NULL,
	"username" text NOT NULL,
	"password_hash" text NOT NULL,
	"role" text NOT NULL,
	"province_slug" text,
	"agency_id" text,
	"title" text DEFAULT '' NOT NULL,
	"locked_at" timestamp with time zone,
	"unlocked_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	CONSTRAINT "users_username_unique" UNIQUE("username")
);
--> statement-breakpoint
ALTER TABLE "agencies" ADD CONSTRAINT "agencies_unit_id_admin_units_id_fk" FOREIGN KEY ("unit_id") REFERENCES "public"."admin_units"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "border_crossings" ADD CONSTRAINT "border_crossings_responsible_agency_id_agencies_id_fk" FOREIGN KEY ("responsible_agency_id") REFERENCES "public"."agencies"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "coordination_events" ADD CONSTRAINT "coordination_events_crossing_id_border_crossings_id_fk" FOREIGN KEY ("crossing_id") REFERENCES "public"."border_crossings"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "criteria_checks" ADD CONSTRAINT "criteria_checks_plan_id_transformation_plans_id_fk" FOREIGN KEY ("plan_id") REFERENCES "public"."transformation_plans"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "hotspots" ADD CONSTRAINT "hotspots_unit_id_admin_units_id_fk" FOREIGN KEY ("unit_id") REFERENCES "public"."admin_units"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "phases" ADD CONSTRAINT "phases_campaign_id_campaigns_id_fk" FOREIGN KEY ("campaign_id") REFERENCES "public"."campaigns"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "progress_entries" ADD CONSTRAINT "progress_entries_quota_id_quotas_id_fk" FOREIGN KEY ("quota_id") REFERENCES "public"."quotas"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "quotas" ADD CONSTRAINT "quotas_campaign_id_campaigns_id_fk" FOREIGN KEY ("campaign_id") REFERENCES "public"."campaigns"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "quotas" ADD CONSTRAINT "quotas_phase_id_phases_id_fk" FOREIGN KEY ("phase_id") REFERENCES "public"."phases"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "quotas" ADD CONSTRAINT "quotas_agency_id_agencies_id_fk" FOREIGN KEY ("agency_id") REFERENCES "public"."agencies"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "quotas" ADD CONSTRAINT "quotas_unit_id_admin_units_id_fk" FOREIGN KEY ("unit_id") REFERENCES "public"."admin_units"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "report_deadlines" ADD CONSTRAINT "report_deadlines_campaign_id_campaigns_id_fk" FOREIGN KEY ("campaign_id") REFERENCES "public"."campaigns"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "report_deadlines" ADD CONSTRAINT "report_deadlines_phase_id_phases_id_fk" FOREIGN KEY ("phase_id") REFERENCES "public"."phases"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "sessions" ADD CONSTRAINT "sessions_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "tier_assessments" ADD CONSTRAINT "tier_assessments_unit_id_admin_units_id_fk" FOREIGN KEY ("unit_id") REFERENCES "public"."admin_units"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "tier_assessments" ADD CONSTRAINT "tier_assessments_decided_by_agencies_id_fk" FOREIGN KEY ("decided_by") REFERENCES "public"."agencies"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "transformation_plans" ADD CONSTRAINT "transformation_plans_unit_id_admin_units_id_fk" FOREIGN KEY ("unit_id") REFERENCES "public"."admin_units"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "transformation_plans" ADD CONSTRAINT "transformation_plans_campaign_id_campaigns_id_fk" FOREIGN KEY ("campaign_id") REFERENCES "public"."campaigns"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "transformation_plans" ADD CONSTRAINT "transformation_plans_target_phase_id_phases_id_fk" FOREIGN KEY ("target_phase_id") REFERENCES "public"."phases"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "transformation_plans" ADD CONSTRAINT "transformation_plans_responsible_agency_id_agencies_id_fk" FOREIGN KEY ("responsible_agency_id") REFERENCES "public"."agencies"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "unit_crosswalk" ADD CONSTRAINT "unit_crosswalk_from_unit_id_admin_units_id_fk" FOREIGN KEY ("from_unit_id") REFERENCES "public"."admin_units"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "unit_crosswalk" ADD CONSTRAINT "unit_crosswalk_to_unit_id_admin_units_id_fk" FOREIGN KEY ("to_unit_id") REFERENCES "public"."admin_units"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "users" ADD CONSTRAINT "users_agency_id_agencies_id_fk" FOREIGN KEY ("agency_id") REFERENCES "public"."agencies"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "admin_units_level_validity" ON "admin_units" USING btree ("level","valid_from","valid_to");--> statement-breakpoint
CREATE INDEX "admin_units_province" ON "admin_units" USING btree ("province_id","level");--> statement-breakpoint
CREATE INDEX "admin_units_bbox" ON "admin_units" USING btree ("bbox_west","bbox_south","bbox_east","bbox_north");--> statement-breakpoint
CREATE UNIQUE INDEX "admin_units_code_era" ON "admin_units" USING btree ("level","code","valid_from");--> statement-breakpoint
CREATE INDEX "audit_at" ON "audit_log" USING btree ("at");--> statement-breakpoint
CREATE INDEX "audit_user" ON "audit_log" USING btree ("user_id","at");--> statement-breakpoint
CREATE INDEX "audit_object" ON "audit_log" USING btree ("object_type","object_id");--> statement-breakpoint
CREATE INDEX "crossings_province" ON "border_crossings" USING btree ("province_slug");--> statement-breakpoint
CREATE INDEX "events_crossing_date" ON "coordination_events" USING btree ("crossing_id","occurred_on");--> statement-breakpoint
CREATE UNIQUE INDEX "criteria_plan_criterion" ON "criteria_checks" USING btree ("plan_id","criterion");--> statement-breakpoint
CREATE INDEX "hotspots_unit" ON "hotspots" USING btree ("unit_id");--> statement-breakpoint
CREATE INDEX "hotspots_dates" ON "hotspots" USING btree ("identified_on","eliminated_on");--> statement-breakpoint
CREATE INDEX "hotspots_position" ON "hotspots" USING btree ("lng","lat");--> statement-breakpoint
CREATE INDEX "login_attempts_user_at" ON "login_attempts" USING btree ("username","at");--> statement-breakpoint
CREATE INDEX "phases_campaign" ON "phases" USING btree ("campaign_id","ordinal");--> statement-breakpoint
CREATE INDEX "progress_quota" ON "progress_entries" USING btree ("quota_id","recorded_on");--> statement-breakpoint
CREATE INDEX "quotas_campaign" ON "quotas" USING btree ("campaign_id");--> statement-breakpoint
CREATE INDEX "sessions_user" ON "sessions" USING btree ("user_id");--> statement-breakpoint
CREATE INDEX "assessments_unit_date" ON "tier_assessments" USING btree ("unit_id","assessed_on");--> statement-breakpoint
CREATE INDEX "crosswalk_from" ON "unit_crosswalk" USING btree ("from_unit_id");--> statement-breakpoint
CREATE INDEX "crosswalk_to" ON "unit_crosswalk" USING btree ("to_unit_id");