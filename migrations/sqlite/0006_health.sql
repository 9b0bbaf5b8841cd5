-- 地域産業保健センター: interview requests from small workplaces, the
-- doctors' availability blocks, the interviews proposed into them, and
-- their reminders. Doctors are professionals with the profession 'doctor'.

CREATE TABLE health_requests (
    id              INTEGER PRIMARY KEY AUTOINCREMENT,
    -- SHA-256 of the status-page token.
    token_hash      TEXT NOT NULL UNIQUE,
    -- waiting: in the queue; proposed: an interview offered, not yet
    -- answered; scheduled: the business accepted it; withdrawn.
    status          TEXT NOT NULL DEFAULT 'waiting'
                    CHECK (status IN ('waiting', 'proposed', 'scheduled', 'withdrawn')),
    business_name   TEXT NOT NULL,
    address         TEXT NOT NULL,
    workers         INTEGER NOT NULL CHECK (workers >= 1),
    industry        TEXT NOT NULL,
    contact_name    TEXT NOT NULL,
    phone           TEXT NOT NULL,
    email           TEXT NOT NULL,
    place           TEXT NOT NULL CHECK (place IN ('centre', 'visit')),
    -- Preferred weekdays ('mon,wed'; empty: any) and time of day.
    weekdays        TEXT NOT NULL DEFAULT '',
    time_of_day     TEXT NOT NULL DEFAULT 'any' CHECK (time_of_day IN ('any', 'morning', 'afternoon')),
    preferred_note  TEXT NOT NULL DEFAULT '',
    lang            TEXT NOT NULL DEFAULT 'ja',
    received_on     TEXT NOT NULL,
    -- The legal due date of the most urgent service (NULL: none).
    due_on          TEXT,
    -- Set by staff moving the request (it sorts as if due that day), with the reason.
    moved_to        TEXT,
    move_reason     TEXT,
    -- The workload: interviews and minutes.
    interviews      INTEGER NOT NULL CHECK (interviews >= 1),
    minutes         INTEGER NOT NULL CHECK (minutes >= 1),
    created_at      TEXT NOT NULL,
    updated_at      TEXT NOT NULL
);
CREATE INDEX health_requests_status ON health_requests (status);

-- The kinds ①–④ a request asks for, and for how many workers.
CREATE TABLE health_services (
    request_id      INTEGER NOT NULL REFERENCES health_requests (id),
    kind            TEXT NOT NULL CHECK (kind IN ('consultation', 'checkup_opinion', 'long_hours', 'high_stress')),
    workers         INTEGER NOT NULL CHECK (workers >= 1),
    requested_on    TEXT,
    checked_on      TEXT,
    PRIMARY KEY (request_id, kind)
);

-- Further links to a request's status page (each mail that carries one
-- has its own token); the hash only.
CREATE TABLE health_links (
    token_hash      TEXT PRIMARY KEY,
    request_id      INTEGER NOT NULL REFERENCES health_requests (id),
    created_at      TEXT NOT NULL
);

-- Requests joining the queue take this row in turn, so positions are distinct.
CREATE TABLE health_queue_lock (
    id      INTEGER PRIMARY KEY CHECK (id = 1),
    joins   INTEGER NOT NULL
);

-- A doctor's availability block (対応可能枠).
CREATE TABLE health_blocks (
    id              INTEGER PRIMARY KEY AUTOINCREMENT,
    doctor_id       INTEGER NOT NULL REFERENCES professionals (id),
    day             TEXT NOT NULL,
    starts_at       TEXT NOT NULL,
    ends_at         TEXT NOT NULL,
    minutes         INTEGER NOT NULL CHECK (minutes >= 1),
    place           TEXT NOT NULL CHECK (place IN ('centre', 'visit')),
    capacity        INTEGER NOT NULL CHECK (capacity BETWEEN 1 AND 50),
    -- What the interviews proposed or accepted in it take; the checks are
    -- the guard against using a block beyond its capacity.
    used_interviews INTEGER NOT NULL DEFAULT 0,
    used_minutes    INTEGER NOT NULL DEFAULT 0,
    created_by      TEXT NOT NULL,
    created_at      TEXT NOT NULL,
    CONSTRAINT health_blocks_capacity CHECK (used_interviews BETWEEN 0 AND capacity),
    CONSTRAINT health_blocks_length CHECK (used_minutes BETWEEN 0 AND minutes),
    CHECK (ends_at > starts_at)
);
CREATE INDEX health_blocks_day ON health_blocks (day);

-- A doctor is never in two places at once: blocks of one doctor do not
-- overlap. (SQLite has one writer, so the check cannot race.)
CREATE TRIGGER health_blocks_no_overlap BEFORE INSERT ON health_blocks
WHEN EXISTS (SELECT 1 FROM health_blocks b WHERE b.doctor_id = NEW.doctor_id
             AND b.starts_at < NEW.ends_at AND NEW.starts_at < b.ends_at)
BEGIN
    SELECT RAISE(ABORT, 'health_blocks_no_overlap');
END;

-- An interview appointment: a request in a block, at a time.
CREATE TABLE health_interviews (
    id              INTEGER PRIMARY KEY AUTOINCREMENT,
    request_id      INTEGER NOT NULL REFERENCES health_requests (id),
    block_id        INTEGER NOT NULL REFERENCES health_blocks (id),
    doctor_id       INTEGER NOT NULL REFERENCES professionals (id),
    starts_at       TEXT NOT NULL,
    ends_at         TEXT NOT NULL,
    interviews      INTEGER NOT NULL CHECK (interviews >= 1),
    minutes         INTEGER NOT NULL CHECK (minutes >= 1),
    visit           BOOLEAN NOT NULL,
    -- proposed: mailed to the business; accepted; declined: the business
    -- asked for another date (it keeps its place); cancelled.
    status          TEXT NOT NULL CHECK (status IN ('proposed', 'accepted', 'declined', 'cancelled')),
    confirmed_by    TEXT NOT NULL,
    -- Recorded by staff after the day: TRUE seen, FALSE did not take place
    -- (not counted in the figures); NULL not recorded (counted once past).
    attended        BOOLEAN,
    created_at      TEXT NOT NULL,
    updated_at      TEXT NOT NULL,
    CHECK (ends_at > starts_at)
);
-- One live interview per request; one per start time in a block; a visit
-- block serves one workplace.
CREATE UNIQUE INDEX health_interviews_one_per_request ON health_interviews (request_id)
    WHERE status IN ('proposed', 'accepted');
CREATE UNIQUE INDEX health_interviews_one_per_time ON health_interviews (block_id, starts_at)
    WHERE status IN ('proposed', 'accepted');
CREATE UNIQUE INDEX health_interviews_one_visit ON health_interviews (block_id)
    WHERE visit AND status IN ('proposed', 'accepted');
CREATE INDEX health_interviews_starts_at ON health_interviews (starts_at);

-- A doctor's live interviews never overlap.
CREATE TRIGGER health_interviews_no_overlap BEFORE INSERT ON health_interviews
WHEN EXISTS (SELECT 1 FROM health_interviews i WHERE i.doctor_id = NEW.doctor_id
             AND i.status IN ('proposed', 'accepted')
             AND i.starts_at < NEW.ends_at AND NEW.starts_at < i.ends_at)
BEGIN
    SELECT RAISE(ABORT, 'health_interviews_no_overlap');
END;

-- Reminders queued for an interview: once per (interview, offset, start).
CREATE TABLE health_reminders (
    interview_id    INTEGER NOT NULL REFERENCES health_interviews (id),
    offset_key      TEXT NOT NULL,
    starts_at       TEXT NOT NULL,
    created_at      TEXT NOT NULL,
    PRIMARY KEY (interview_id, offset_key, starts_at)
);
