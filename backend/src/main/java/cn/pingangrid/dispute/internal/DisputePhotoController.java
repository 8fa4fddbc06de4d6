package cn.pingangrid.dispute.internal;

import org.springframework.http.CacheControl;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RestController;

/**
 * A dispute's photo, taken and resized on the phone: PUT as the image's bytes, GET by anyone who may read the
 * dispute ({@link DisputePhotos} checks and stores it).
 */
@RestController
class DisputePhotoController {

    private final DisputePhotos photos;

    DisputePhotoController(DisputePhotos photos) {
        this.photos = photos;
    }

    @PutMapping(path = "/api/disputes/{id}/photo", consumes = { "image/jpeg", "image/png", "image/webp" })
    ResponseEntity<Void> put(@PathVariable long id, @RequestHeader("Content-Type") String contentType,
            @RequestBody byte[] bytes) {
        photos.put(id, contentType, bytes);
        return ResponseEntity.noContent().build();
    }

    @GetMapping("/api/disputes/{id}/photo")
    ResponseEntity<byte[]> get(@PathVariable long id) {
        DisputePhoto photo = photos.get(id);
        return ResponseEntity.ok().contentType(MediaType.parseMediaType(photo.contentType()))
                .cacheControl(CacheControl.noCache().cachePrivate()).body(photo.bytes());
    }
}
