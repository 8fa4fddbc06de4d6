CREATE INDEX dispute_location_sidx ON dispute USING GIST (location);
