-- Issue 13: the 排查表 as a living record. 化解措施 grows with the case: the measure written at registration stays
-- in dispute.measures, each later one (added with a workflow step or on its own) is a row here, in order.
-- The building (楼栋代码) is kept when the dispute's point lies in one.
CREATE TABLE dispute_measure (
    dispute_id  BIGINT        NOT NULL REFERENCES dispute (id) ON DELETE CASCADE,
    seq         INTEGER       NOT NULL,
    taken_at    TIMESTAMP     NOT NULL,
    actor       VARCHAR(64)   NOT NULL,
    text        VARCHAR(1000) NOT NULL,
    PRIMARY KEY (dispute_id, seq)
);

ALTER TABLE dispute ADD COLUMN building_code VARCHAR(19);
