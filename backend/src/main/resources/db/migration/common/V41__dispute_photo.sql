-- One photo per dispute, taken on the phone at registration and resized there (at most 1 MB, JPEG/PNG/WebP).
-- Area-bound like its dispute: village and grid are copied from it.
CREATE TABLE dispute_photo (
    dispute_id   BIGINT      NOT NULL PRIMARY KEY REFERENCES dispute (id) ON DELETE CASCADE,
    village_code VARCHAR(12) NOT NULL,
    grid_code    VARCHAR(14) NOT NULL,
    content_type VARCHAR(32) NOT NULL,
    bytes        BYTEA       NOT NULL,
    created_by   VARCHAR(32) NOT NULL,
    created_at   TIMESTAMP   NOT NULL
);
