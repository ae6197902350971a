-- forum schema: cross-cutting themes as clusters. The organiser accepts a
-- cluster of themes from several tables in one step, under a name of its
-- own; the name is kept on the links the cluster is made of (the newest
-- named link of a cross-cutting theme names it).
ALTER TABLE theme_links ADD COLUMN name TEXT NOT NULL DEFAULT '';
