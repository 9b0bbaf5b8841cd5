-- A PRIMARY KEY that is not the rowid allows NULL on SQLite unless it is
-- declared NOT NULL (PostgreSQL's never does). The tables keyed by a token
-- hash or a profession are made again with NOT NULL, as on PostgreSQL. A
-- row keyed by NULL could never be found, so it is not copied.

CREATE TABLE manage_tokens_new (
    token_hash  TEXT PRIMARY KEY NOT NULL,
    group_hash  TEXT NOT NULL,
    created_at  TEXT NOT NULL
);
INSERT INTO manage_tokens_new (token_hash, group_hash, created_at)
    SELECT token_hash, group_hash, created_at FROM manage_tokens WHERE token_hash IS NOT NULL;
DROP TABLE manage_tokens;
ALTER TABLE manage_tokens_new RENAME TO manage_tokens;

CREATE TABLE staff_tokens_new (
    token_hash  TEXT PRIMARY KEY NOT NULL,
    staff_id    INTEGER NOT NULL REFERENCES staff (id),
    created_at  TEXT NOT NULL
);
INSERT INTO staff_tokens_new (token_hash, staff_id, created_at)
    SELECT token_hash, staff_id, created_at FROM staff_tokens WHERE token_hash IS NOT NULL;
DROP TABLE staff_tokens;
ALTER TABLE staff_tokens_new RENAME TO staff_tokens;

CREATE TABLE staff_sessions_new (
    token_hash  TEXT PRIMARY KEY NOT NULL,
    staff_id    INTEGER NOT NULL REFERENCES staff (id),
    csrf_token  TEXT NOT NULL,
    expires_at  TEXT NOT NULL,
    created_at  TEXT NOT NULL
);
INSERT INTO staff_sessions_new (token_hash, staff_id, csrf_token, expires_at, created_at)
    SELECT token_hash, staff_id, csrf_token, expires_at, created_at FROM staff_sessions WHERE token_hash IS NOT NULL;
DROP TABLE staff_sessions;
ALTER TABLE staff_sessions_new RENAME TO staff_sessions;

CREATE TABLE health_links_new (
    token_hash      TEXT PRIMARY KEY NOT NULL,
    request_id      INTEGER NOT NULL REFERENCES health_requests (id),
    created_at      TEXT NOT NULL
);
INSERT INTO health_links_new (token_hash, request_id, created_at)
    SELECT token_hash, request_id, created_at FROM health_links WHERE token_hash IS NOT NULL;
DROP TABLE health_links;
ALTER TABLE health_links_new RENAME TO health_links;

CREATE TABLE waitlist_locks_new (
    profession TEXT PRIMARY KEY NOT NULL,
    joins      INTEGER NOT NULL
);
INSERT INTO waitlist_locks_new (profession, joins)
    SELECT profession, joins FROM waitlist_locks WHERE profession IS NOT NULL;
DROP TABLE waitlist_locks;
ALTER TABLE waitlist_locks_new RENAME TO waitlist_locks;
