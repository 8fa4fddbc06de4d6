package cn.pingangrid.dispute.internal;

import java.time.Instant;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import cn.pingangrid.scope.AreaBound;

/** A dispute's photo (one per dispute), resized on the phone; seen by whoever sees its dispute. */
@Entity
@Table(name = "dispute_photo")
@AreaBound(parent = Dispute.class, parentId = "disputeId")
class DisputePhoto {

    @Id
    @Column(name = "dispute_id")
    private Long disputeId;
    @Column(name = "village_code")
    private String villageCode;
    @Column(name = "grid_code")
    private String gridCode;
    @Column(name = "content_type")
    private String contentType;
    private byte[] bytes;
    @Column(name = "created_by")
    private String createdBy;
    @Column(name = "created_at")
    private Instant createdAt;

    protected DisputePhoto() {
    }

    DisputePhoto(Dispute dispute, String contentType, byte[] bytes, String createdBy, Instant at) {
        this.disputeId = dispute.getId();
        this.villageCode = dispute.getVillageCode();
        this.gridCode = dispute.getGridCode();
        this.contentType = contentType;
        this.bytes = bytes;
        this.createdBy = createdBy;
        this.createdAt = at;
    }

    String contentType() {
        return contentType;
    }

    byte[] bytes() {
        return bytes;
    }
}
