-- 仕事とこころの相談会: sessions, slots, bookings and the mail outbox.

CREATE TABLE evening_sessions (
    id          BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    -- YYYY-MM of the series month; NULL for a one-off session.
    occurrence  TEXT UNIQUE,
    starts_at   TIMESTAMPTZ NOT NULL,
    ends_at     TIMESTAMPTZ NOT NULL,
    venue       TEXT NOT NULL,
    status      TEXT NOT NULL DEFAULT 'scheduled' CHECK (status IN ('scheduled', 'cancelled')),
    created_at  TIMESTAMPTZ NOT NULL
);
CREATE INDEX evening_sessions_starts_at ON evening_sessions (starts_at);

CREATE TABLE slots (
    id          BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    session_id  BIGINT NOT NULL REFERENCES evening_sessions (id),
    profession  TEXT NOT NULL CHECK (profession IN ('lawyer', 'psychologist')),
    starts_at   TIMESTAMPTZ NOT NULL,
    ends_at     TIMESTAMPTZ NOT NULL,
    UNIQUE (session_id, profession, starts_at)
);

CREATE TABLE bookings (
    id          BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    slot_id     BIGINT NOT NULL REFERENCES slots (id),
    -- held: offered to someone on the waitlist, not yet accepted;
    -- released: such an offer declined or expired.
    status      TEXT NOT NULL CHECK (status IN ('confirmed', 'cancelled', 'held', 'released')),
    -- SHA-256 of the manage-link token; the bookings made together in one
    -- form (both professionals) share it.
    token_hash  TEXT NOT NULL,
    name        TEXT NOT NULL,
    name_kana   TEXT NOT NULL,
    phone       TEXT NOT NULL,
    email       TEXT NOT NULL,
    age_band    TEXT NOT NULL,
    topic       TEXT NOT NULL,
    note        TEXT NOT NULL DEFAULT '',
    lang        TEXT NOT NULL DEFAULT 'ja',
    created_at  TIMESTAMPTZ NOT NULL,
    updated_at  TIMESTAMPTZ NOT NULL
);
-- The guard against double booking: one booking per slot that is confirmed
-- or held for an offer.
CREATE UNIQUE INDEX bookings_one_per_slot ON bookings (slot_id) WHERE status IN ('confirmed', 'held');
CREATE INDEX bookings_token_hash ON bookings (token_hash);

-- The mail outbox: written in the transaction of the change it tells about.
CREATE TABLE outbox (
    id              BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    kind            TEXT NOT NULL,
    booking_id      BIGINT REFERENCES bookings (id),
    message_id      TEXT NOT NULL,
    recipient       TEXT NOT NULL,
    -- What the mail says, as JSON for its template (templates/mail/<kind>/);
    -- rendered when sent, emptied once sent (it carries the manage link).
    payload         TEXT NOT NULL,
    -- skipped: no longer true when its turn came (a reminder of a cancelled or moved booking).
    status          TEXT NOT NULL DEFAULT 'queued' CHECK (status IN ('queued', 'sent', 'failed', 'skipped')),
    attempts        INTEGER NOT NULL DEFAULT 0,
    next_attempt_at TIMESTAMPTZ NOT NULL,
    locked_until    TIMESTAMPTZ,
    last_error      TEXT,
    created_at      TIMESTAMPTZ NOT NULL,
    sent_at         TIMESTAMPTZ
);
CREATE INDEX outbox_due ON outbox (next_attempt_at) WHERE status = 'queued';
CREATE INDEX outbox_booking ON outbox (booking_id);
