-- 地域産業保健センター, after use:
-- when a business accepted a date (no reminder arrives right after it),
-- and a request the centre closed after an interview did not take place,
-- with the reason told to the business (its status is then 'withdrawn';
-- NULL: withdrawn by the business itself).
ALTER TABLE health_interviews ADD COLUMN accepted_at TEXT;
UPDATE health_interviews SET accepted_at = updated_at WHERE status = 'accepted';
ALTER TABLE health_requests ADD COLUMN closed_reason TEXT;
