-- A scheduled job runs on one instance at a time: the instance that takes a job's row (ShedLock's JDBC provider,
-- its documented schema) runs it, the others skip that run. Times are the database's, in UTC (usingDbTime), so
-- the instances' clocks do not matter.
CREATE TABLE shedlock (
    name       VARCHAR(64)  NOT NULL,
    lock_until TIMESTAMP    NOT NULL,
    locked_at  TIMESTAMP    NOT NULL,
    locked_by  VARCHAR(255) NOT NULL,
    PRIMARY KEY (name)
);
