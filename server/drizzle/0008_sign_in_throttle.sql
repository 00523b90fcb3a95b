CREATE TABLE "trusted_devices" (
	"token_hash" text PRIMARY KEY NOT NULL,
	"user_id" text NOT NULL,
	"created_at" timestamp with time zone NOT NULL,
	"last_used_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
ALTER TABLE "login_attempts" ADD COLUMN "client" text DEFAULT 'local' NOT NULL;--> statement-breakpoint
ALTER TABLE "login_attempts" ADD COLUMN "trusted" boolean DEFAULT false NOT NULL;--> statement-breakpoint
ALTER TABLE "users" ADD COLUMN "locked_until" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "users" ADD COLUMN "lock_streak" integer DEFAULT 0 NOT NULL;--> statement-breakpoint
ALTER TABLE "trusted_devices" ADD CONSTRAINT "trusted_devices_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "trusted_devices_user" ON "trusted_devices" USING btree ("user_id");--> statement-breakpoint
CREATE INDEX "login_attempts_client_at" ON "login_attempts" USING btree ("client","at");--> statement-breakpoint
-- Accounts locked under the old rule (until an administrator unlocked them) keep a lock of the first length.
UPDATE "users" SET "locked_until" = "locked_at" + interval '15 minutes', "lock_streak" = 1 WHERE "locked_at" IS NOT NULL;
