-- The last day each traveller may stay, by the visas, permits and accreditations that reach into
-- the current stay (NULL: no limit on record, a citizen say). The overstay watch reads it: who is
-- in the country past that day.
ALTER TABLE {{schema}}.travellers ADD COLUMN authorised_until DATE;

CREATE INDEX travellers_overstay_watch ON {{schema}}.travellers (authorised_until) WHERE in_country;
