CREATE INDEX safety_site_geom_sidx ON safety_site USING GIST (geom);
