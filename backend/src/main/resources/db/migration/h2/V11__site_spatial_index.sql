CREATE SPATIAL INDEX safety_site_geom_sidx ON safety_site (geom);
