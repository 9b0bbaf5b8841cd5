-- SQLite's copy of this migration declares NOT NULL on the primary keys of
-- manage_tokens, staff_tokens, staff_sessions, health_links and
-- waitlist_locks. A PRIMARY KEY on PostgreSQL is NOT NULL already, so
-- nothing changes here; the file keeps the two folders' numbers equal.
SELECT 1;
