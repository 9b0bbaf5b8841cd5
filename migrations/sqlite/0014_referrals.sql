-- つなぐ: a booking's person handed over, with their consent, to a service
-- of the directory or to a follow-up consultation, and followed until they
-- have arrived.

CREATE TABLE referrals (
    id               INTEGER PRIMARY KEY AUTOINCREMENT,
    booking_id       INTEGER NOT NULL REFERENCES bookings (id),
    -- Where to: a service of the directory, or a follow-up consultation
    -- (継続相談) with a profession on a later evening.
    service_id       TEXT REFERENCES directory_services (id),
    follow_up_session_id INTEGER REFERENCES evening_sessions (id),
    follow_up_profession TEXT CHECK (follow_up_profession IN ('lawyer', 'psychologist')),
    status           TEXT NOT NULL CHECK (status IN ('sent', 'contacted', 'connected', 'unreachable',
                         'not_eligible', 'no_capacity', 'declined', 'withdrawn', 'closed')),
    -- The consent: the version of the words shown and the words themselves.
    consent_version  TEXT NOT NULL,
    consent_text     TEXT NOT NULL,
    contact_by       TEXT NOT NULL CHECK (contact_by IN ('phone', 'email', 'none')),
    -- What the receiving service may see (JSON): only what was consented
    -- to; emptied ('{}') when the person withdraws.
    shared           TEXT NOT NULL,
    -- SHA-256 of the receiving service's link; NULL when the service takes
    -- no mail (the person contacts it).
    token_hash       TEXT UNIQUE,
    token_expires_at TEXT,
    made_by          TEXT NOT NULL,
    outcome          TEXT NOT NULL DEFAULT '',
    created_at       TEXT NOT NULL,
    updated_at       TEXT NOT NULL,
    CHECK (status <> 'closed' OR outcome <> ''),
    CHECK ((service_id IS NULL) <> (follow_up_session_id IS NULL)),
    CHECK ((follow_up_session_id IS NULL) = (follow_up_profession IS NULL))
);
CREATE INDEX referrals_booking ON referrals (booking_id);
CREATE INDEX referrals_open ON referrals (updated_at) WHERE status IN ('sent', 'contacted', 'unreachable');

-- Each step on a referral: when, by whom, to what, with the service's note.
CREATE TABLE referral_updates (
    id          INTEGER PRIMARY KEY AUTOINCREMENT,
    referral_id INTEGER NOT NULL REFERENCES referrals (id),
    at          TEXT NOT NULL,
    actor       TEXT NOT NULL CHECK (actor IN ('service', 'person', 'office')),
    status      TEXT NOT NULL,
    note        TEXT NOT NULL DEFAULT ''
);
CREATE INDEX referral_updates_referral ON referral_updates (referral_id, id);
