-- The language a client reads (a BCP 47 tag, "en", "th"): their handout is
-- printed in it where a translation exists. Clients recorded before read English.
ALTER TABLE clients ADD COLUMN language TEXT NOT NULL DEFAULT 'en';
