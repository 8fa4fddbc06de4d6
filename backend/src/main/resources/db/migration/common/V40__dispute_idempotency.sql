-- Idempotency keys of POST /api/disputes: a report sent again (an offline phone retrying, a double tap) under the
-- same key by the same user answers the record stored the first time. The primary key makes two concurrent
-- requests with one key store one record: the second insert waits for the first transaction and then fails.
CREATE TABLE dispute_idempotency (
    username        VARCHAR(32)  NOT NULL,
    idempotency_key VARCHAR(128) NOT NULL,
    dispute_id      BIGINT       NOT NULL REFERENCES dispute (id) ON DELETE CASCADE,
    village_code    VARCHAR(12)  NOT NULL,
    grid_code       VARCHAR(14)  NOT NULL,
    created_at      TIMESTAMP    NOT NULL,
    PRIMARY KEY (username, idempotency_key)
);
