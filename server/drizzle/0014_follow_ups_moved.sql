-- Follow-ups move from a list of words on the event to rows with their own deadline and state: an old one is due
-- 30 days after its event, and still open. An old meeting at a crossing was a gate meeting, one of the liaison
-- office a BLO meeting.
INSERT INTO "event_follow_ups" ("id", "event_id", "ordinal", "text", "due_on")
SELECT e."id" || '-f' || f.ord, e."id", f.ord::int, f.txt, e."occurred_on" + 30
FROM "coordination_events" e, jsonb_array_elements_text(e."follow_ups") WITH ORDINALITY AS f(txt, ord);--> statement-breakpoint
UPDATE "coordination_events" SET "level" = CASE WHEN "counterpart" LIKE '%liên lạc%' THEN 'blo' ELSE 'gate' END
WHERE "kind" = 'meeting' AND "level" IS NULL;--> statement-breakpoint
ALTER TABLE "coordination_events" DROP COLUMN "follow_ups";
