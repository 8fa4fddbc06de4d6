package cn.pingangrid.tile.internal;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RestController;

import cn.pingangrid.system.NotFoundException;
import cn.pingangrid.tile.TileAddress;
import cn.pingangrid.tile.TileCache;
import cn.pingangrid.tile.TileLayer;

/**
 * {@code GET /tiles/{layer}/{z}/{x}/{y}.mvt}: one vector tile of one layer, cut to the caller's area. The ETag is
 * the content's hash, so {@code If-None-Match} answers 304 without the body whenever the caller's tile is
 * unchanged; {@code Cache-Control} is {@code public} only for layers that are the same for everyone, and
 * {@code private} for the others, whose tiles differ from user to user (docs/decisions/vector-tiles.md).
 */
@RestController
class TileController {

    static final MediaType MVT = MediaType.parseMediaType("application/vnd.mapbox-vector-tile");

    private final VectorTiles tiles;

    TileController(VectorTiles tiles) {
        this.tiles = tiles;
    }

    @GetMapping("/tiles/{layer}/{z}/{x}/{y}.mvt")
    ResponseEntity<byte[]> tile(@PathVariable String layer, @PathVariable String z, @PathVariable String x,
            @PathVariable String y, @RequestHeader(name = HttpHeaders.IF_NONE_MATCH, required = false) String ifNoneMatch) {
        TileLayer found = tiles.layer(layer).orElseThrow(() -> new NotFoundException("没有名为 " + abbreviate(layer)
                + " 的瓦片图层（可用：" + String.join("、", tiles.names()) + "）"));
        TileCache.Made tile = tiles.render(found, TileAddress.parse(z, x, y));
        String etag = tile.etag();
        String cacheControl = found.sameForEveryone() ? "public, max-age=3600"
                : found.changesOnImport() ? "private, max-age=600" : "private, no-cache";
        var headers = ResponseEntity.status(HttpStatus.OK).eTag(etag).header(HttpHeaders.CACHE_CONTROL, cacheControl);
        if (!found.sameForEveryone()) {
            headers = headers.header(HttpHeaders.VARY, "Cookie, Authorization");
        }
        if (ifNoneMatch != null && matches(ifNoneMatch, etag)) {
            return ResponseEntity.status(HttpStatus.NOT_MODIFIED).eTag(etag).header(HttpHeaders.CACHE_CONTROL,
                    cacheControl).build();
        }
        return headers.contentType(MVT).body(tile.bytes());
    }

    private static boolean matches(String ifNoneMatch, String etag) {
        for (String candidate : ifNoneMatch.split(",")) {
            String c = candidate.strip();
            if (c.equals("*") || c.equals(etag) || c.equals("W/" + etag)) {
                return true;
            }
        }
        return false;
    }

    private static String abbreviate(String text) {
        return text.length() > 32 ? text.substring(0, 32) + "…" : text;
    }
}
