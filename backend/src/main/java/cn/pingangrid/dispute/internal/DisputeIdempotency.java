package cn.pingangrid.dispute.internal;

import java.io.Serializable;
import java.time.Instant;
import java.util.Objects;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;
import jakarta.persistence.EmbeddedId;
import jakarta.persistence.Entity;
import jakarta.persistence.Table;

import cn.pingangrid.scope.AreaBound;

/**
 * An idempotency key a user registered a dispute under (POST /api/disputes with {@code Idempotency-Key}): the
 * same key from the same user answers that dispute again. Placed by its dispute.
 */
@Entity
@Table(name = "dispute_idempotency")
@AreaBound(parent = Dispute.class, parentId = "disputeId")
class DisputeIdempotency {

    /** The primary key: the user and their key. */
    @Embeddable
    static class Key implements Serializable {

        private String username;
        @Column(name = "idempotency_key")
        private String key;

        protected Key() {
        }

        Key(String username, String key) {
            this.username = username;
            this.key = key;
        }

        @Override
        public boolean equals(Object other) {
            return other instanceof Key k && Objects.equals(username, k.username) && Objects.equals(key, k.key);
        }

        @Override
        public int hashCode() {
            return Objects.hash(username, key);
        }
    }

    @EmbeddedId
    private Key id;
    @Column(name = "dispute_id")
    private Long disputeId;
    @Column(name = "village_code")
    private String villageCode;
    @Column(name = "grid_code")
    private String gridCode;
    @Column(name = "created_at")
    private Instant createdAt;

    protected DisputeIdempotency() {
    }

    DisputeIdempotency(String username, String key, Dispute dispute, Instant at) {
        this.id = new Key(username, key);
        this.disputeId = dispute.getId();
        this.villageCode = dispute.getVillageCode();
        this.gridCode = dispute.getGridCode();
        this.createdAt = at;
    }

    long disputeId() {
        return disputeId;
    }
}
