package cn.pingangrid.hotspot.internal;

import java.awt.Color;
import java.time.YearMonth;
import java.util.List;

import org.locationtech.jts.geom.Envelope;
import org.locationtech.jts.geom.Geometry;
import org.springframework.http.CacheControl;
import org.springframework.http.ContentDisposition;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import cn.pingangrid.area.Areas;
import cn.pingangrid.area.VillageRef;
import cn.pingangrid.scope.AreaScope;

/**
 * The 月度例会材料 (the JSON behind {@code meeting.html}, its XLSX) and the two map images it prints: the month's
 * density over the village outlines, and the Gi* units coloured by confidence after the FDR correction.
 */
@RestController
class MeetingController {

    static final MediaType XLSX = MediaType
            .parseMediaType("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
    static final int IMAGE_WIDTH = 1000;

    private final MeetingPack pack;
    private final HotspotAnalysis analysis;
    private final Areas areas;

    MeetingController(MeetingPack pack, HotspotAnalysis analysis, Areas areas) {
        this.pack = pack;
        this.analysis = analysis;
        this.areas = areas;
    }

    @GetMapping("/api/meeting")
    MeetingPack.Pack meeting(@RequestParam(required = false) String month) {
        MeetingPack.requireReader();
        return pack.build(pack.month(month));
    }

    @GetMapping("/api/meeting.xlsx")
    ResponseEntity<byte[]> workbook(@RequestParam(required = false) String month) {
        MeetingPack.requireReader();
        YearMonth m = pack.month(month);
        byte[] body = MeetingWorkbook.write(pack.build(m));
        return ResponseEntity.ok().contentType(XLSX).cacheControl(CacheControl.noStore())
                .header("Content-Disposition", ContentDisposition.attachment()
                        .filename("月度例会材料-" + m + ".xlsx", java.nio.charset.StandardCharsets.UTF_8).build()
                        .toString())
                .body(body);
    }

    /** The month's density over the outlines of the caller's villages, on white: for print. */
    @GetMapping(path = "/api/hotspots/density-map.png", produces = MediaType.IMAGE_PNG_VALUE)
    ResponseEntity<byte[]> densityMap(@RequestParam(required = false) String month) {
        AreaScope scope = MeetingPack.requireReader();
        YearMonth m = pack.month(month);
        HotspotQuery q = new HotspotQuery(m.atDay(1), m.atEndOfMonth(), "month", null, null, null, null);
        HotspotAnalysis.Density d = analysis.density(q, null, null, scope);
        DensityImage.Drawn drawn = DensityImage.draw(d.raster(), d.breaksPerSquareKilometre());
        List<Geometry> outlines = villageOutlines(scope);
        MapImage image = new MapImage(extent(outlines), IMAGE_WIDTH, true);
        image.drawImage(drawn.image(), drawn.lngLatBounds());
        image.outlines(outlines, new Color(90, 70, 60), 1.2f);
        return png(image.png());
    }

    /** The month's Gi* grids (red hot, blue cold, by FDR confidence) over the village outlines: for print. */
    @GetMapping(path = "/api/hotspots/gi-map.png", produces = MediaType.IMAGE_PNG_VALUE)
    ResponseEntity<byte[]> giMap(@RequestParam(required = false) String month) {
        AreaScope scope = MeetingPack.requireReader();
        YearMonth m = pack.month(month);
        HotspotQuery q = new HotspotQuery(m.atDay(1), m.atEndOfMonth(), "month", null, null, null, null);
        HotspotAnalysis.Gi gi = analysis.gi(q, "grid", null, null, scope);
        List<Geometry> outlines = villageOutlines(scope);
        MapImage image = new MapImage(extent(outlines), IMAGE_WIDTH, true);
        for (HotspotAnalysis.GiUnit u : gi.units()) {
            image.fill(u.outline(), binColour(u.fdrBin()), new Color(180, 180, 180), 0.6f);
        }
        image.outlines(outlines, new Color(90, 70, 60), 1.2f);
        return png(image.png());
    }

    static Color binColour(int bin) {
        return switch (bin) {
            case 3 -> new Color(0xd6, 0x2f, 0x27);
            case 2 -> new Color(0xed, 0x75, 0x51);
            case 1 -> new Color(0xfa, 0xb9, 0x84);
            case -1 -> new Color(0xc0, 0xcc, 0xbe);
            case -2 -> new Color(0x84, 0x9e, 0xba);
            case -3 -> new Color(0x45, 0x75, 0xb5);
            default -> null;
        };
    }

    private List<Geometry> villageOutlines(AreaScope scope) {
        return areas.villages().stream().filter(v -> scope.coversVillage(v.code())).map(VillageRef::boundary)
                .map(Geometry.class::cast).toList();
    }

    private static Envelope extent(List<Geometry> geometries) {
        Envelope e = new Envelope();
        geometries.forEach(g -> e.expandToInclude(g.getEnvelopeInternal()));
        return e;
    }

    private static ResponseEntity<byte[]> png(byte[] body) {
        return ResponseEntity.ok().contentType(MediaType.IMAGE_PNG).cacheControl(CacheControl.noStore()).body(body);
    }
}
