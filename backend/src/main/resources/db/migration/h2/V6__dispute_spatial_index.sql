CREATE SPATIAL INDEX dispute_location_sidx ON dispute (location);
