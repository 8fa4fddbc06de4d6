package cn.pingangrid.dispute.internal;

import java.time.Clock;

import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.ErrorResponseException;

import cn.pingangrid.account.CurrentUser;
import cn.pingangrid.audit.AuditTrail;
import cn.pingangrid.system.InvalidInputException;
import cn.pingangrid.system.NotFoundException;

/**
 * A dispute's photo: stored by a handler who may act on the dispute (JPEG, PNG or WebP, at most {@value #MAX_BYTES}
 * bytes, the type checked by its first bytes too), read by anyone who may read the dispute. Sending it again
 * replaces it, so an offline phone may retry.
 */
@Service
class DisputePhotos {

    static final int MAX_BYTES = 1024 * 1024;

    private final Disputes disputes;
    private final AuditTrail audit;
    private final Clock clock;

    DisputePhotos(Disputes disputes, AuditTrail audit, Clock clock) {
        this.disputes = disputes;
        this.audit = audit;
        this.clock = clock;
    }

    /** Stores the photo with its audit entry in one transaction; checks in the order 403, 404, 413, 400. */
    @Transactional
    void put(long id, String contentType, byte[] bytes) {
        CurrentUser user = CurrentUser.current();
        DisputeRegister.requireHandler(user);
        Dispute dispute = disputes.find(id).orElseThrow(() -> DisputeRegister.notFound(id));
        if (bytes.length > MAX_BYTES) {
            ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.PAYLOAD_TOO_LARGE,
                    "照片过大：不能超过 1 MB（手机上会先缩小再上传）");
            problem.setTitle("照片过大");
            throw new ErrorResponseException(HttpStatus.PAYLOAD_TOO_LARGE, problem, null);
        }
        String type = MediaType.parseMediaType(contentType).getSubtype();
        if (!matches(type, bytes)) {
            throw new InvalidInputException("photo", "不是有效的 JPEG、PNG 或 WebP 图片");
        }
        disputes.savePhoto(dispute, "image/" + type, bytes, user.username(), clock.instant());
        audit.record("DISPUTE_PHOTO", "dispute", String.valueOf(id), bytes.length + " 字节");
    }

    /** The photo of a dispute the caller may read; 404 for a foreign or unknown dispute, or one without a photo. */
    @Transactional(readOnly = true)
    DisputePhoto get(long id) {
        disputes.find(id).orElseThrow(() -> DisputeRegister.notFound(id));
        return disputes.photo(id).orElseThrow(() -> new NotFoundException("编号为 " + id + " 的纠纷没有照片"));
    }

    /** Whether the bytes start as the named image type does. */
    static boolean matches(String type, byte[] b) {
        return switch (type) {
            case "jpeg" -> b.length > 3 && (b[0] & 0xff) == 0xff && (b[1] & 0xff) == 0xd8 && (b[2] & 0xff) == 0xff;
            case "png" -> b.length > 8 && (b[0] & 0xff) == 0x89 && b[1] == 'P' && b[2] == 'N' && b[3] == 'G';
            case "webp" -> b.length > 12 && b[0] == 'R' && b[1] == 'I' && b[2] == 'F' && b[3] == 'F' && b[8] == 'W'
                    && b[9] == 'E' && b[10] == 'B' && b[11] == 'P';
            default -> false;
        };
    }
}
