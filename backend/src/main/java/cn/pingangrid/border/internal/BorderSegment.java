package cn.pingangrid.border.internal;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.Table;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.MultiLineString;

import cn.pingangrid.geo.Feature;
import cn.pingangrid.geo.MetricProjection;
import cn.pingangrid.system.InvalidInputException;
import cn.pingangrid.scope.AreaBound;
import cn.pingangrid.border.BorderSegments;
import cn.pingangrid.border.SegmentKind;

/**
 * A stretch of border with its sensitive zone: the area within {@code zoneWidthM} metres of the line (round caps,
 * computed in EPSG:4546). Changing the width recomputes the zone.
 */
@Entity
// the zones themselves are public (a dispute near another village's boundary is cross-border for everyone);
// which segments a user lists, and what is counted in them, follow their area
@AreaBound(villages = "villageCodes", contextForGridUsers = true, publicAttributes = { "id", "kind", "name",
        "neighbourName", "neighbourCounty", "zone", "villageCodes", "sensitive" })
@Table(name = "border_segment")
public class BorderSegment {

    static final int MIN_WIDTH_M = 50;
    static final int MAX_WIDTH_M = 5000;

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;
    @Enumerated(EnumType.STRING)
    private SegmentKind kind;
    private String name;
    @Column(name = "neighbour_name")
    private String neighbourName;
    @Column(name = "neighbour_county")
    private String neighbourCounty;
    @Column(name = "county_border")
    private boolean countyBorder;
    @Column(name = "length_m")
    private int lengthM;
    @Column(name = "zone_width_m")
    private int zoneWidthM;
    /** Whether the zone counts: always for the town border, for a village boundary only where marked. */
    private boolean sensitive;
    @Column(name = "updated_at")
    private Instant updatedAt;
    private MultiLineString geom;
    private Geometry zone;
    @ElementCollection(fetch = FetchType.EAGER)
    @CollectionTable(name = "border_segment_village", joinColumns = @JoinColumn(name = "segment_id"))
    @Column(name = "village_code")
    private Set<String> villageCodes = new TreeSet<>();

    protected BorderSegment() {
    }

    BorderSegment(SegmentKind kind, String name, String neighbourName, String neighbourCounty, boolean countyBorder,
            MultiLineString geom, Set<String> villageCodes, int zoneWidthM, boolean sensitive, Instant now) {
        this.kind = kind;
        this.name = name;
        this.neighbourName = neighbourName;
        this.neighbourCounty = neighbourCounty;
        this.countyBorder = countyBorder;
        this.geom = geom;
        this.lengthM = (int) Math.round(MetricProjection.toMetric(geom).getLength());
        this.villageCodes = new TreeSet<>(villageCodes);
        this.sensitive = kind == SegmentKind.TOWN || sensitive;
        changeZoneWidth(zoneWidthM, now);
    }

    /** Sets the zone's width (50 to 5,000 m) and recomputes the zone. */
    void changeZoneWidth(int meters, Instant now) {
        if (meters < MIN_WIDTH_M || meters > MAX_WIDTH_M) {
            throw new InvalidInputException("zoneWidthM", "敏感区宽度须在 " + MIN_WIDTH_M + " 到 " + MAX_WIDTH_M + " 米之间");
        }
        this.zoneWidthM = meters;
        this.zone = zoneOf(geom, meters);
        this.updatedAt = now;
    }

    /**
     * Marks a village boundary sensitive (its zone then counts) or not. The town's border always is: a request to
     * unmark it is refused naming {@code sensitive}.
     */
    void markSensitive(boolean value, Instant now) {
        if (!value && kind == SegmentKind.TOWN) {
            throw new InvalidInputException("sensitive", "镇界（含县界）始终是敏感边界区域，不能取消");
        }
        this.sensitive = value;
        this.updatedAt = now;
    }

    /** The area within {@code meters} of the line, computed in EPSG:4546, in lng/lat with SRID 4326. */
    static Geometry zoneOf(Geometry line, double meters) {
        Geometry zone = MetricProjection.bufferMeters(line, meters);
        zone.setSRID(4326);
        return zone;
    }

    public Long getId() {
        return id;
    }

    public SegmentKind getKind() {
        return kind;
    }

    public String getName() {
        return name;
    }

    public String getNeighbourName() {
        return neighbourName;
    }

    public Set<String> getVillageCodes() {
        return villageCodes;
    }

    public Geometry getZone() {
        return zone;
    }

    public boolean isSensitive() {
        return sensitive;
    }

    int getZoneWidthM() {
        return zoneWidthM;
    }

    BorderSegments.BorderLine asLine() {
        return new BorderSegments.BorderLine(id, kind, name, neighbourName, countyBorder, Set.copyOf(villageCodes),
                geom, zone);
    }

    CrossBorderCheck.Zone asZone() {
        return new CrossBorderCheck.Zone(id, kind, name, neighbourName, neighbourCounty, villageCodes, zone);
    }

    Map<String, Object> properties() {
        Map<String, Object> p = new LinkedHashMap<>();
        p.put("id", id);
        p.put("kind", kind.name());
        p.put("kindName", kind.label());
        p.put("name", name);
        p.put("neighbourName", neighbourName);
        p.put("neighbourCounty", neighbourCounty);
        p.put("countyBorder", countyBorder);
        p.put("villageCodes", villageCodes);
        p.put("lengthM", lengthM);
        p.put("zoneWidthM", zoneWidthM);
        p.put("sensitive", sensitive);
        return p;
    }

    Feature toLineFeature() {
        return new Feature(id, geom, properties());
    }

    Feature toZoneFeature() {
        return new Feature(id, zone, properties());
    }
}
