CREATE TABLE "data_version" (
	"id" integer PRIMARY KEY NOT NULL,
	"version" bigint NOT NULL
);
--> statement-breakpoint
INSERT INTO "data_version" ("id", "version") VALUES (1, 1);
--> statement-breakpoint
-- Bumps the data's version once per transaction, at its commit: deferred, so the row is locked only for the
-- moment before the commit (after every lock the transaction took on data rows: no deadlock through it).
CREATE FUNCTION bump_data_version() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF current_setting('pcmt.data_version_bumped', true) = 'on' THEN
    RETURN NULL;
  END IF;
  PERFORM set_config('pcmt.data_version_bumped', 'on', true);
  UPDATE data_version SET version = version + 1 WHERE id = 1;
  RETURN NULL;
END $$;
--> statement-breakpoint
CREATE FUNCTION bump_data_version_now() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  UPDATE data_version SET version = version + 1 WHERE id = 1;
  RETURN NULL;
END $$;
--> statement-breakpoint
-- Every data table: all of public but accounts, sessions, sign-in, rate limits, idempotency, audit and the version
-- itself. A later migration adding a data table adds its triggers the same way (tests/integration/response-cache
-- fails for a table that has none).
DO $$
DECLARE t text;
BEGIN
  FOR t IN SELECT tablename FROM pg_tables WHERE schemaname = 'public' AND tablename NOT IN
    ('users', 'trusted_devices', 'sessions', 'idempotency_keys', 'rate_limits', 'login_attempts', 'audit_log', 'data_version')
  LOOP
    EXECUTE format('CREATE CONSTRAINT TRIGGER data_version_bump AFTER INSERT OR UPDATE OR DELETE ON %I '
      'DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION bump_data_version()', t);
    EXECUTE format('CREATE TRIGGER data_version_truncate AFTER TRUNCATE ON %I '
      'FOR EACH STATEMENT EXECUTE FUNCTION bump_data_version_now()', t);
  END LOOP;
END $$;
