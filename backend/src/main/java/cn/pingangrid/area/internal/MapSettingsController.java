package cn.pingangrid.area.internal;

import java.util.ArrayList;
import java.util.List;

import com.fasterxml.jackson.annotation.JsonInclude;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

import cn.pingangrid.geo.BoundingBox;

/**
 * What the web map needs before it draws: the town's extent and the configured online base layers
 * (an empty list means offline only).
 */
@RestController
class MapSettingsController {

    private static final String TIANDITU = "https://t{s}.tianditu.gov.cn/%s_w/wmts?SERVICE=WMTS&REQUEST=GetTile"
            + "&VERSION=1.0.0&LAYER=%s&STYLE=default&TILEMATRIXSET=w&FORMAT=tiles&TileMatrix={z}&TileRow={y}"
            + "&TileCol={x}&tk=%s";

    private final MapSettings settings;
    private final Geography geography;

    MapSettingsController(MapSettings settings, Geography geography) {
        this.settings = settings;
        this.geography = geography;
    }

    /** The town's code, name and extent (absent before the dataset is imported) and the online base layers. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    record Settings(String townCode, String townName, double[] bbox, List<OnlineLayer> onlineLayers) {
    }

    /** An online base layer; {@code labelUrl} (a separate label layer) only where there is one. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    record OnlineLayer(String id, String name, String url, String labelUrl, String subdomains, String attribution,
            int maxZoom) {
    }

    @GetMapping("/api/map-settings")
    Settings mapSettings() {
        List<OnlineLayer> layers = new ArrayList<>();
        String key = settings.tiandituKey();
        if (key != null && !key.isBlank()) {
            layers.add(tianditu("tianditu-vec", "天地图矢量", "vec", "cva", key));
            layers.add(tianditu("tianditu-img", "天地图影像", "img", "cia", key));
        }
        if (settings.openstreetmap()) {
            layers.add(new OnlineLayer("osm", "OpenStreetMap", "https://tile.openstreetmap.org/{z}/{x}/{y}.png", null,
                    "", "© OpenStreetMap contributors", 19));
        }
        return geography.town().map(town -> new Settings(town.getCode(), town.getName(),
                BoundingBox.of(town.getBoundary().getEnvelopeInternal()).toArray(), layers))
                .orElseGet(() -> new Settings(null, null, null, layers));
    }

    private static OnlineLayer tianditu(String id, String name, String layer, String labels, String key) {
        return new OnlineLayer(id, name, TIANDITU.formatted(layer, layer, key), TIANDITU.formatted(labels, labels, key),
                "01234567", "© 天地图", 18);
    }
}
