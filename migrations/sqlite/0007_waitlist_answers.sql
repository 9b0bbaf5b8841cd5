-- The waitlist asks the booking form's optional questions (age band, main
-- topic, a note for the consultant). An offer accepted carries them into the
-- booking; '' means the question was not answered (shown as 未回答), never
-- an answer chosen on the person's behalf.
ALTER TABLE waitlist_entries ADD COLUMN age_band TEXT NOT NULL DEFAULT '';
ALTER TABLE waitlist_entries ADD COLUMN topic TEXT NOT NULL DEFAULT '';
ALTER TABLE waitlist_entries ADD COLUMN note TEXT NOT NULL DEFAULT '';
