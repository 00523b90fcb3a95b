CREATE TABLE "border_alerts" (
	"id" text PRIMARY KEY NOT NULL,
	"hotspot_id" text NOT NULL,
	"province_slug" text NOT NULL,
	"sector_id" text,
	"distance_m" double precision NOT NULL,
	"within_m" integer NOT NULL,
	"raised_on" date NOT NULL,
	"acknowledged_on" date,
	"acknowledged_by_agency_id" text,
	"resolved_on" date,
	"resolved_by_agency_id" text,
	"note" text DEFAULT '' NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"version" integer DEFAULT 1 NOT NULL
);
--> statement-breakpoint
CREATE TABLE "border_sectors" (
	"id" text PRIMARY KEY NOT NULL,
	"border" text NOT NULL,
	"province_slug" text NOT NULL,
	"station_agency_id" text NOT NULL,
	"name" text NOT NULL,
	"length_km" double precision NOT NULL,
	"geometry" jsonb NOT NULL,
	"bbox_west" double precision NOT NULL,
	"bbox_south" double precision NOT NULL,
	"bbox_east" double precision NOT NULL,
	"bbox_north" double precision NOT NULL
);
--> statement-breakpoint
CREATE TABLE "province_border_rules" (
	"id" text PRIMARY KEY NOT NULL,
	"belt_m" integer NOT NULL,
	"alert_within_m" integer NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"version" integer DEFAULT 1 NOT NULL
);
--> statement-breakpoint
ALTER TABLE "admin_units" ADD COLUMN "border_distance_m" double precision;--> statement-breakpoint
ALTER TABLE "hotspots" ADD COLUMN "border_distance_m" double precision;--> statement-breakpoint
ALTER TABLE "hotspots" ADD COLUMN "border_sector_id" text;--> statement-breakpoint
ALTER TABLE "border_alerts" ADD CONSTRAINT "border_alerts_hotspot_id_hotspots_id_fk" FOREIGN KEY ("hotspot_id") REFERENCES "public"."hotspots"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "border_alerts" ADD CONSTRAINT "border_alerts_sector_id_border_sectors_id_fk" FOREIGN KEY ("sector_id") REFERENCES "public"."border_sectors"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "border_alerts" ADD CONSTRAINT "border_alerts_acknowledged_by_agency_id_agencies_id_fk" FOREIGN KEY ("acknowledged_by_agency_id") REFERENCES "public"."agencies"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "border_alerts" ADD CONSTRAINT "border_alerts_resolved_by_agency_id_agencies_id_fk" FOREIGN KEY ("resolved_by_agency_id") REFERENCES "public"."agencies"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "border_sectors" ADD CONSTRAINT "border_sectors_station_agency_id_agencies_id_fk" FOREIGN KEY ("station_agency_id") REFERENCES "public"."agencies"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "border_alerts_province" ON "border_alerts" USING btree ("province_slug","raised_on");--> statement-breakpoint
CREATE UNIQUE INDEX "border_alerts_hotspot" ON "border_alerts" USING btree ("hotspot_id");