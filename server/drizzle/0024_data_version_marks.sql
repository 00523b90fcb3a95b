CREATE TABLE "data_version_marks" (
	"id" serial PRIMARY KEY NOT NULL
);
--> statement-breakpoint
-- 0023 bumped one row from a deferred trigger on every changed row: one queued call per row (bulk writes twice as
-- slow) and one row every writer waited on at commit. Now: one statement trigger per data table marks the
-- transaction once; the mark's deferred trigger bumps the row of the connection (16 rows, the version is their sum).
INSERT INTO "data_version" ("id", "version") SELECT g, 0 FROM generate_series(2, 16) g;
--> statement-breakpoint
CREATE FUNCTION mark_data_change() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF current_setting('pcmt.data_version_marked', true) = 'on' THEN
    RETURN NULL;
  END IF;
  PERFORM set_config('pcmt.data_version_marked', 'on', true);
  INSERT INTO data_version_marks DEFAULT VALUES;
  RETURN NULL;
END $$;
--> statement-breakpoint
CREATE OR REPLACE FUNCTION bump_data_version() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  UPDATE data_version SET version = version + 1 WHERE id = pg_backend_pid() % 16 + 1;
  DELETE FROM data_version_marks WHERE id = NEW.id;
  RETURN NULL;
END $$;
--> statement-breakpoint
CREATE CONSTRAINT TRIGGER data_version_bump AFTER INSERT ON data_version_marks
  DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION bump_data_version();
--> statement-breakpoint
-- Every data table: all of public but accounts, sessions, sign-in, rate limits, idempotency, audit and the version's
-- own tables. A later migration adding a data table adds its trigger the same way (tests/integration/answer-cache
-- names a table that has none).
DO $$
DECLARE t text;
BEGIN
  FOR t IN SELECT c.relname FROM pg_trigger g JOIN pg_class c ON c.oid = g.tgrelid
           WHERE g.tgname IN ('data_version_bump', 'data_version_truncate') AND c.relname <> 'data_version_marks'
  LOOP
    EXECUTE format('DROP TRIGGER IF EXISTS data_version_bump ON %I', t);
    EXECUTE format('DROP TRIGGER IF EXISTS data_version_truncate ON %I', t);
  END LOOP;
  FOR t IN SELECT tablename FROM pg_tables WHERE schemaname = 'public' AND tablename NOT IN
    ('users', 'trusted_devices', 'sessions', 'idempotency_keys', 'rate_limits', 'login_attempts', 'audit_log',
     'data_version', 'data_version_marks')
  LOOP
    EXECUTE format('CREATE TRIGGER data_version_mark AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON %I '
      'FOR EACH STATEMENT EXECUTE FUNCTION mark_data_change()', t);
  END LOOP;
END $$;
--> statement-breakpoint
DROP FUNCTION IF EXISTS bump_data_version_now();
