ALTER TABLE "campaigns" ADD COLUMN "document_number" text DEFAULT '' NOT NULL;--> statement-breakpoint
ALTER TABLE "campaigns" ADD COLUMN "issued_on" date;--> statement-breakpoint
ALTER TABLE "quotas" ADD COLUMN "unit" text DEFAULT 'case' NOT NULL;--> statement-breakpoint
UPDATE "quotas" SET "unit" = CASE "metric"
  WHEN 'compulsory_rehab' THEN 'person'
  WHEN 'propaganda_sessions' THEN 'session'
  WHEN 'lines_dismantled' THEN 'line'
  ELSE 'case' END;
