-- 継続相談: a professional holds for the person a slot of a later evening
-- before it opens to the public (a booking 'held' with the referral that
-- made it), offered by mail, accepted or declined by link, released to the
-- public when booking opens.

ALTER TABLE bookings ADD COLUMN referral_id BIGINT REFERENCES referrals (id);

-- One open follow-up hold per person on one evening.
CREATE UNIQUE INDEX bookings_one_follow_up_hold ON bookings (session_id, phone_digits)
    WHERE status = 'held' AND referral_id IS NOT NULL;

-- The evening's share for follow-ups (referral.follow_up_holds of its
-- slots): the holds made and not released can never exceed it.
CREATE TABLE follow_up_holds (
    session_id BIGINT NOT NULL PRIMARY KEY REFERENCES evening_sessions (id),
    allowed    INTEGER NOT NULL CHECK (allowed >= 0),
    held       INTEGER NOT NULL DEFAULT 0,
    CHECK (held >= 0 AND held <= allowed)
);
