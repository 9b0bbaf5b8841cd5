-- Cancel, change, waitlist and offers; one booking per person per evening
-- and profession; who acted on a caller's behalf.

-- キャンセル待ち: for one evening (session_id) or the next evening with a free slot (NULL).
CREATE TABLE waitlist_entries (
    id           BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    session_id   BIGINT REFERENCES evening_sessions (id),
    profession   TEXT NOT NULL CHECK (profession IN ('lawyer', 'psychologist')),
    status       TEXT NOT NULL CHECK (status IN ('waiting', 'offered', 'booked', 'declined', 'expired', 'withdrawn')),
    token_hash   TEXT NOT NULL UNIQUE,
    name         TEXT NOT NULL,
    name_kana    TEXT NOT NULL,
    phone        TEXT NOT NULL,
    phone_digits TEXT NOT NULL,
    email        TEXT NOT NULL,
    lang         TEXT NOT NULL DEFAULT 'ja',
    acted_by     TEXT,
    created_at   TIMESTAMPTZ NOT NULL,
    updated_at   TIMESTAMPTZ NOT NULL
);
CREATE INDEX waitlist_waiting ON waitlist_entries (profession, id) WHERE status = 'waiting';
-- One place per person in one queue.
CREATE UNIQUE INDEX waitlist_one_per_phone ON waitlist_entries (COALESCE(session_id, 0), profession, phone_digits)
    WHERE status IN ('waiting', 'offered');

ALTER TABLE bookings ADD COLUMN session_id BIGINT REFERENCES evening_sessions (id);
ALTER TABLE bookings ADD COLUMN profession TEXT;
ALTER TABLE bookings ADD COLUMN phone_digits TEXT;
-- Staff member who booked, cancelled or moved on the caller's behalf.
ALTER TABLE bookings ADD COLUMN acted_by TEXT;
ALTER TABLE bookings ADD COLUMN cancelled_at TIMESTAMPTZ;
-- For a slot held by an offer (status 'held'): whom it is offered to, the
-- hash of the accept/decline link, and until when.
ALTER TABLE bookings ADD COLUMN waitlist_entry_id BIGINT REFERENCES waitlist_entries (id);
ALTER TABLE bookings ADD COLUMN offer_token_hash TEXT;
ALTER TABLE bookings ADD COLUMN offer_expires_at TIMESTAMPTZ;

-- One active booking per person (same email, or same phone) per evening and profession.
-- (A booking taken by phone may have no email: '' is not compared.)
CREATE UNIQUE INDEX bookings_one_per_email ON bookings (session_id, profession, email)
    WHERE status IN ('confirmed', 'held') AND email <> '';
CREATE UNIQUE INDEX bookings_one_per_phone ON bookings (session_id, profession, phone_digits)
    WHERE status IN ('confirmed', 'held');
CREATE UNIQUE INDEX bookings_offer_token ON bookings (offer_token_hash) WHERE offer_token_hash IS NOT NULL;
CREATE INDEX bookings_offers_open ON bookings (offer_expires_at) WHERE status = 'held';

-- Joins to the waitlist of one profession take this row's lock, so that
-- positions are counted one join at a time.
CREATE TABLE waitlist_locks (
    profession TEXT PRIMARY KEY,
    joins      INTEGER NOT NULL
);
