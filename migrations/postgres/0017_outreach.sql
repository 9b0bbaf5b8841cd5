-- 周知: notices of free slots to those who asked for them, the partners who
-- pass notices on, the low-fill alerts to staff, and where people heard of
-- the consultations.

-- 「空きのお知らせを受け取る」: an email address and what to be told, nothing
-- else. Deleted when unsubscribed, or when not confirmed within 7 days.
CREATE TABLE subscriptions (
    id                BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    email             TEXT NOT NULL UNIQUE,
    new_month         BOOLEAN NOT NULL,
    free_slot         BOOLEAN NOT NULL,
    lang              TEXT NOT NULL,
    -- The link's channel code (?src=), for the figures only.
    channel           TEXT,
    -- SHA-256 of the link in the confirmation mail; NULL once confirmed
    -- and no change waits for confirmation.
    confirm_hash      TEXT UNIQUE,
    -- What the confirmation mail's link will set (a change asked for by a
    -- confirmed subscriber waits for the link, as the first one did).
    pending_new_month BOOLEAN,
    pending_free_slot BOOLEAN,
    confirm_sent_at   TIMESTAMPTZ,
    -- The one-click unsubscribe link's token: it can only delete this row.
    unsubscribe_token TEXT NOT NULL UNIQUE,
    confirmed_at      TIMESTAMPTZ,
    created_at        TIMESTAMPTZ NOT NULL,
    -- The day (JST, YYYY-MM-DD) of the last notice: at most one a day.
    last_notice_on    TEXT,
    CHECK (new_month OR free_slot)
);
CREATE INDEX subscriptions_unconfirmed ON subscriptions (created_at) WHERE confirmed_at IS NULL;

-- What each subscriber has been told of (`open:<session>`,
-- `free:<session>:<profession>`), so that nothing is told twice.
CREATE TABLE subscription_told (
    subscription_id BIGINT NOT NULL REFERENCES subscriptions (id) ON DELETE CASCADE,
    about           TEXT NOT NULL,
    PRIMARY KEY (subscription_id, about)
);

-- Subscriptions confirmed, per month and channel, without any address: the
-- figures outlive the subscriptions.
CREATE TABLE subscription_tally (
    month     TEXT NOT NULL,
    channel   TEXT NOT NULL,
    confirmed INTEGER NOT NULL,
    PRIMARY KEY (month, channel)
);

-- The directory's services whose organisations agreed to pass notices on.
CREATE TABLE outreach_partners (
    service_id TEXT NOT NULL PRIMARY KEY REFERENCES directory_services (id),
    agreed_by  TEXT NOT NULL,
    created_at TIMESTAMPTZ NOT NULL
);

-- Low-fill alerts to the coordinators (`<session>:<days>`): one row per
-- evening and threshold, written with the mails, so that each goes once.
CREATE TABLE low_fill_alerts (
    alert      TEXT NOT NULL PRIMARY KEY,
    free       INTEGER NOT NULL,
    created_at TIMESTAMPTZ NOT NULL
);

-- 「この相談会を何で知りましたか」 and the link's channel code, recorded with
-- what was asked for.
ALTER TABLE bookings ADD COLUMN heard_from TEXT;
ALTER TABLE bookings ADD COLUMN channel TEXT;
ALTER TABLE waitlist_entries ADD COLUMN heard_from TEXT;
ALTER TABLE waitlist_entries ADD COLUMN channel TEXT;
ALTER TABLE health_requests ADD COLUMN heard_from TEXT;
ALTER TABLE health_requests ADD COLUMN channel TEXT;

-- Rises with each move, cancellation or restoration of an evening: the
-- public calendar's SEQUENCE.
ALTER TABLE evening_sessions ADD COLUMN revision INTEGER NOT NULL DEFAULT 0;
