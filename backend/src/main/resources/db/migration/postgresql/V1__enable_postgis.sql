-- Needs a superuser; .ci/run and the README create it as postgres before the application starts,
-- so on a prepared database this is a no-op.
CREATE EXTENSION IF NOT EXISTS postgis;
