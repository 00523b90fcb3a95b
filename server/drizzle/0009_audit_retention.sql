-- Audit rows are kept at least one year: UPDATE and TRUNCATE stay refused, and DELETE is refused for any row younger
-- than a year (the archive command, run as the owner role, removes older rows after writing them to a checksummed file).
CREATE OR REPLACE FUNCTION audit_log_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP = 'DELETE' AND OLD.at < now() - interval '1 year' THEN
    RETURN OLD;
  END IF;
  RAISE EXCEPTION 'audit_log is append-only and kept at least one year (% refused)', TG_OP USING ERRCODE = 'insufficient_privilege';
END;
$$;
