-- Reminders before a consultation, and extra manage links.

-- A reminder queued for a booking at one offset and one start time: a moved
-- booking (new start) gets new reminders; a reminder is queued once, by
-- whichever instance gets there first.
CREATE TABLE reminders (
    booking_id  INTEGER NOT NULL REFERENCES bookings (id),
    offset_key  TEXT NOT NULL,
    starts_at   TEXT NOT NULL,
    created_at  TEXT NOT NULL,
    PRIMARY KEY (booking_id, offset_key, starts_at)
);

-- Further manage links of a booking (a reminder carries a fresh one): the
-- hash of the token, and the token hash of the booking (or pair) it opens.
CREATE TABLE manage_tokens (
    token_hash  TEXT PRIMARY KEY,
    group_hash  TEXT NOT NULL,
    created_at  TEXT NOT NULL
);

-- The reminder sweep looks at the slots starting soon.
CREATE INDEX slots_starts_at ON slots (starts_at);
