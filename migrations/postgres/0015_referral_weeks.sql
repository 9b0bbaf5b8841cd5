-- The coordinators' weekly list of overdue referrals: one row per week,
-- written with the week's mails, so that the list goes out once however
-- many instances run.
CREATE TABLE referral_weeks (
    week       TEXT NOT NULL PRIMARY KEY,
    referrals  INTEGER NOT NULL,
    created_at TIMESTAMPTZ NOT NULL
);
