package cn.pingangrid.area.internal;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

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

    @GetMapping("/api/map-settings")
    Map<String, Object> mapSettings() {
        Map<String, Object> answer = new LinkedHashMap<>();
        geography.town().ifPresent(town -> {
            answer.put("townCode", town.getCode());
            answer.put("townName", town.getName());
            answer.put("bbox", BoundingBox.of(town.getBoundary().getEnvelopeInternal()).toArray());
        });
        List<Map<String, Object>> layers = new ArrayList<>();
        String key = settings.tiandituKey();
        if (key != null && !key.isBlank()) {
            layers.add(tianditu("tianditu-vec", "天地图矢量", "vec", "cva", key));
            layers.add(tianditu("tianditu-img", "天地图影像", "img", "cia", key));
        }
        if (settings.openstreetmap()) {
            layers.add(Map.of("id", "osm", "name", "OpenStreetMap", "url",
                    "https://tile.openstreetmap.org/{z}/{x}/{y}.png", "subdomains", "", "attribution",
                    "© OpenStreetMap contributors", "maxZoom", 19));
        }
        answer.put("onlineLayers", layers);
        return answer;
    }

    private static Map<String, Object> tianditu(String id, String name, String layer, String labels, String key) {
        Map<String, Object> entry = new LinkedHashMap<>();
        entry.put("id", id);
        entry.put("name", name);
        entry.put("url", TIANDITU.formatted(layer, layer, key));
        entry.put("labelUrl", TIANDITU.formatted(labels, labels, key));
        entry.put("subdomains", "01234567");
        entry.put("attribution", "© 天地图");
        entry.put("maxZoom", 18);
        return entry;
    }
}
