-- Staff (事務局 and professionals), their sign-ins and API tokens, the
-- professionals assigned to each evening, attendance, and the audit log.

CREATE TABLE professionals (
    id            BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    name          TEXT NOT NULL,
    profession    TEXT NOT NULL CHECK (profession IN ('lawyer', 'psychologist', 'doctor')),
    organisation  TEXT NOT NULL DEFAULT '',
    contact       TEXT NOT NULL DEFAULT '',
    active        BOOLEAN NOT NULL DEFAULT TRUE,
    created_at    TIMESTAMPTZ NOT NULL
);

CREATE TABLE staff (
    id              BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    email           TEXT NOT NULL UNIQUE,
    name            TEXT NOT NULL,
    role            TEXT NOT NULL CHECK (role IN ('admin', 'coordinator', 'professional')),
    -- For the role 'professional': who they are in the list of professionals.
    professional_id BIGINT REFERENCES professionals (id),
    password_hash   TEXT NOT NULL,
    active          BOOLEAN NOT NULL DEFAULT TRUE,
    created_at      TIMESTAMPTZ NOT NULL
);

-- Bearer tokens for the staff API (hash only).
CREATE TABLE staff_tokens (
    token_hash  TEXT PRIMARY KEY,
    staff_id    BIGINT NOT NULL REFERENCES staff (id),
    created_at  TIMESTAMPTZ NOT NULL
);

-- Signed-in browser sessions (hash of the cookie only).
CREATE TABLE staff_sessions (
    token_hash  TEXT PRIMARY KEY,
    staff_id    BIGINT NOT NULL REFERENCES staff (id),
    csrf_token  TEXT NOT NULL,
    expires_at  TIMESTAMPTZ NOT NULL,
    created_at  TIMESTAMPTZ NOT NULL
);

-- Failed sign-ins, to slow down guessing.
CREATE TABLE sign_in_failures (
    email       TEXT NOT NULL,
    at          TIMESTAMPTZ NOT NULL
);
CREATE INDEX sign_in_failures_email ON sign_in_failures (email, at);

-- Who sees each evening: one professional per profession.
CREATE TABLE session_assignments (
    session_id      BIGINT NOT NULL REFERENCES evening_sessions (id),
    profession      TEXT NOT NULL CHECK (profession IN ('lawyer', 'psychologist')),
    professional_id BIGINT NOT NULL REFERENCES professionals (id),
    PRIMARY KEY (session_id, profession)
);

ALTER TABLE bookings ADD COLUMN attendance TEXT CHECK (attendance IN ('attended', 'no_show', 'late_cancel'));
ALTER TABLE bookings ADD COLUMN attendance_note TEXT;

-- Every staff view of a person's data and every change: who, when, what.
CREATE TABLE audit_log (
    id          BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    at          TIMESTAMPTZ NOT NULL,
    staff_id    BIGINT REFERENCES staff (id),
    actor       TEXT NOT NULL,
    action      TEXT NOT NULL,
    subject     TEXT NOT NULL,
    detail      TEXT NOT NULL DEFAULT ''
);
CREATE INDEX audit_log_at ON audit_log (at);
