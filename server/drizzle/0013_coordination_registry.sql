CREATE TABLE "event_attachments" (
	"id" text PRIMARY KEY NOT NULL,
	"event_id" text NOT NULL,
	"file_name" text NOT NULL,
	"mime" text NOT NULL,
	"size_bytes" integer NOT NULL,
	"sha256" text NOT NULL,
	"content" "bytea" NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "event_follow_ups" (
	"id" text PRIMARY KEY NOT NULL,
	"event_id" text NOT NULL,
	"ordinal" integer NOT NULL,
	"text" text NOT NULL,
	"due_on" date NOT NULL,
	"done_on" date,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"version" integer DEFAULT 1 NOT NULL
);
--> statement-breakpoint
ALTER TABLE "campaigns" ADD COLUMN "coordination_targets" jsonb DEFAULT '[]'::jsonb NOT NULL;--> statement-breakpoint
ALTER TABLE "coordination_events" ADD COLUMN "level" text;--> statement-breakpoint
ALTER TABLE "coordination_events" ADD COLUMN "counterpart_units" jsonb DEFAULT '[]'::jsonb NOT NULL;--> statement-breakpoint
ALTER TABLE "coordination_events" ADD COLUMN "outcome" text DEFAULT '' NOT NULL;--> statement-breakpoint
ALTER TABLE "coordination_events" ADD COLUMN "quantity" double precision;--> statement-breakpoint
ALTER TABLE "coordination_events" ADD COLUMN "track" jsonb;--> statement-breakpoint
ALTER TABLE "event_attachments" ADD CONSTRAINT "event_attachments_event_id_coordination_events_id_fk" FOREIGN KEY ("event_id") REFERENCES "public"."coordination_events"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "event_follow_ups" ADD CONSTRAINT "event_follow_ups_event_id_coordination_events_id_fk" FOREIGN KEY ("event_id") REFERENCES "public"."coordination_events"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "attachments_event" ON "event_attachments" USING btree ("event_id");--> statement-breakpoint
CREATE INDEX "follow_ups_event" ON "event_follow_ups" USING btree ("event_id","ordinal");--> statement-breakpoint
CREATE INDEX "events_province_date" ON "coordination_events" USING btree ("province_slug","occurred_on");