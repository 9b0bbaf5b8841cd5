-- Staff (事務局 and professionals), their sign-ins and API tokens, the
-- professionals assigned to each evening, attendance, and the audit log.

CREATE TABLE professionals (
    id            INTEGER PRIMARY KEY AUTOINCREMENT,
    name          TEXT NOT NULL,
    profession    TEXT NOT NULL CHECK (profession IN ('lawyer', 'psychologist', 'doctor')),
    organisation  TEXT NOT NULL DEFAULT '',
    contact       TEXT NOT NULL DEFAULT '',
    active        BOOLEAN NOT NULL DEFAULT TRUE,
    created_at    TEXT NOT NULL
);

CREATE TABLE staff (
    id              INTEGER PRIMARY KEY AUTOINCREMENT,
    email           TEXT NOT NULL UNIQUE,
    name            TEXT NOT NULL,
    role            TEXT NOT NULL CHECK (role IN ('admin', 'coordinator', 'professional')),
    -- For the role 'professional': who they are in the list of professionals.
    professional_id INTEGER REFERENCES professionals (id),
    password_hash   TEXT NOT NULL,
    active          BOOLEAN NOT NULL DEFAULT TRUE,
    created_at      TEXT NOT NULL
);

-- Bearer tokens for the staff API (hash only).
CREATE TABLE staff_tokens (
    token_hash  TEXT PRIMARY KEY,
    staff_id    INTEGER NOT NULL REFERENCES staff (id),
    created_at  TEXT NOT NULL
);

-- Signed-in browser sessions (hash of the cookie only).
CREATE TABLE staff_sessions (
    token_hash  TEXT PRIMARY KEY,
    staff_id    INTEGER NOT NULL REFERENCES staff (id),
    csrf_token  TEXT NOT NULL,
    expires_at  TEXT NOT NULL,
    created_at  TEXT NOT NULL
);

-- Failed sign-ins, to slow down guessing.
CREATE TABLE sign_in_failures (
    email       TEXT NOT NULL,
    at          TEXT NOT NULL
);
CREATE INDEX sign_in_failures_email ON sign_in_failures (email, at);

-- Who sees each evening: one professional per profession.
CREATE TABLE session_assignments (
    session_id      INTEGER NOT NULL REFERENCES evening_sessions (id),
    profession      TEXT NOT NULL CHECK (profession IN ('lawyer', 'psychologist')),
    professional_id INTEGER NOT NULL REFERENCES professionals (id),
    PRIMARY KEY (session_id, profession)
);

ALTER TABLE bookings ADD COLUMN attendance TEXT CHECK (attendance IN ('attended', 'no_show', 'late_cancel'));
ALTER TABLE bookings ADD COLUMN attendance_note TEXT;

-- Every staff view of a person's data and every change: who, when, what.
CREATE TABLE audit_log (
    id          INTEGER PRIMARY KEY AUTOINCREMENT,
    at          TEXT NOT NULL,
    staff_id    INTEGER REFERENCES staff (id),
    actor       TEXT NOT NULL,
    action      TEXT NOT NULL,
    subject     TEXT NOT NULL,
    detail      TEXT NOT NULL DEFAULT ''
);
CREATE INDEX audit_log_at ON audit_log (at);
