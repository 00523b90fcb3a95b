CREATE TABLE "commune_figures" (
	"id" text PRIMARY KEY NOT NULL,
	"unit_id" text NOT NULL,
	"period_from" date NOT NULL,
	"period_to" date NOT NULL,
	"population" integer,
	"registered_users" integer,
	"organised_use_places" integer,
	"offenders_arrested" integer,
	"plants_destroyed" integer,
	"area_destroyed_m2" double precision,
	"on_key_route" boolean,
	"source" text DEFAULT 'form' NOT NULL,
	"recorded_on" date NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"version" integer DEFAULT 1 NOT NULL
);
--> statement-breakpoint
ALTER TABLE "commune_figures" ADD CONSTRAINT "commune_figures_unit_id_admin_units_id_fk" FOREIGN KEY ("unit_id") REFERENCES "public"."admin_units"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "commune_figures_unit_period" ON "commune_figures" USING btree ("unit_id","period_from","period_to");