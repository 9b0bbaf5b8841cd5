-- 年度の実績: whether a person attended in an earlier year is looked up by
-- phone and by email among the consultations attended.
CREATE INDEX bookings_attended_phone ON bookings (phone_digits) WHERE attendance = 'attended';
CREATE INDEX bookings_attended_email ON bookings (email) WHERE attendance = 'attended' AND email <> '';
-- A year's bookings are read from its slots (by their start) to them.
CREATE INDEX bookings_slot ON bookings (slot_id);

-- Earlier years' totals, entered by staff for the years before Tsunagu (the
-- council's table starts at 平成27年度): marked as entered by hand.
CREATE TABLE figures_by_hand (
    service     TEXT NOT NULL CHECK (service IN ('evening', 'health')),
    fiscal_year INTEGER NOT NULL,
    -- What is counted: people, consultations, lawyer, psychologist,
    -- workplaces, workers.
    measure     TEXT NOT NULL,
    value       BIGINT NOT NULL CHECK (value >= 0),
    entered_by  TEXT NOT NULL,
    entered_at  TIMESTAMPTZ NOT NULL,
    PRIMARY KEY (service, fiscal_year, measure)
);

-- A closed year's totals for the trend table, counted once from the records
-- (a year ended over three months ago does not change any more).
CREATE TABLE figures_closed (
    fiscal_year   INTEGER NOT NULL PRIMARY KEY,
    people        BIGINT  NOT NULL,
    consultations BIGINT  NOT NULL,
    lawyer        BIGINT  NOT NULL,
    psychologist  BIGINT  NOT NULL,
    computed_at   TIMESTAMPTZ NOT NULL
);
