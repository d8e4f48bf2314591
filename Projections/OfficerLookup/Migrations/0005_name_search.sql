-- Finding a traveller without the document: by name, tolerant of spelling and transliteration
-- differences (trigram similarity, PostgreSQL's pg_trgm from contrib), and by nationality and
-- date of birth. `full_name` is the names in search form (transliterated, parts spaced).
DO $$
BEGIN
    CREATE EXTENSION IF NOT EXISTS pg_trgm WITH SCHEMA public;
EXCEPTION
    WHEN unique_violation OR duplicate_object THEN NULL;  -- another schema's migration made it at once
END
$$;

ALTER TABLE {{schema}}.travellers ADD COLUMN full_name TEXT NOT NULL DEFAULT '';
UPDATE {{schema}}.travellers
SET full_name = trim(primary_identifier || ' ' || array_to_string(secondary_identifiers, ' '));

CREATE INDEX travellers_full_name_trgm ON {{schema}}.travellers USING gin (full_name public.gin_trgm_ops);
CREATE INDEX travellers_nationality_birth ON {{schema}}.travellers (nationality, date_of_birth);
