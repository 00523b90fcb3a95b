CREATE TABLE "crossing_seizures" (
	"id" text PRIMARY KEY NOT NULL,
	"crossing_id" text NOT NULL,
	"seized_on" date NOT NULL,
	"kind" text NOT NULL,
	"quantity" double precision NOT NULL,
	"unit" text NOT NULL,
	"note" text DEFAULT '' NOT NULL,
	"agency_id" text,
	"synthetic" boolean DEFAULT false NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"version" integer DEFAULT 1 NOT NULL
);
--> statement-breakpoint
ALTER TABLE "border_crossings" ADD COLUMN "partner_agency_ids" jsonb DEFAULT '[]'::jsonb NOT NULL;--> statement-breakpoint
ALTER TABLE "border_crossings" ADD COLUMN "opens_at" text;--> statement-breakpoint
ALTER TABLE "border_crossings" ADD COLUMN "closes_at" text;--> statement-breakpoint
ALTER TABLE "border_crossings" ADD COLUMN "hours_note" text DEFAULT '' NOT NULL;--> statement-breakpoint
ALTER TABLE "border_crossings" ADD COLUMN "profile_assumed" boolean DEFAULT false NOT NULL;--> statement-breakpoint
ALTER TABLE "border_crossings" ADD COLUMN "counterpart_gate_local" text;--> statement-breakpoint
ALTER TABLE "border_crossings" ADD COLUMN "counterpart_province_local" text;--> statement-breakpoint
ALTER TABLE "crossing_seizures" ADD CONSTRAINT "crossing_seizures_crossing_id_border_crossings_id_fk" FOREIGN KEY ("crossing_id") REFERENCES "public"."border_crossings"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "crossing_seizures" ADD CONSTRAINT "crossing_seizures_agency_id_agencies_id_fk" FOREIGN KEY ("agency_id") REFERENCES "public"."agencies"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "seizures_crossing" ON "crossing_seizures" USING btree ("crossing_id","seized_on");