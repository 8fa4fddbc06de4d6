package cn.pingangrid.ogc;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.locationtech.jts.geom.Envelope;

import cn.pingangrid.geo.FeatureLayer;

/**
 * The JSON documents of the service (landing page, conformance, collections, links), as plain maps in the order the
 * standard lists their members. Links are absolute, built on {@code base} (the server's address as the client used
 * it).
 */
final class OgcDocuments {

    static final String CRS84 = "http://www.opengis.net/def/crs/OGC/1.3/CRS84";
    static final String GEOJSON = "application/geo+json";
    static final String JSON = "application/json";
    static final String HTML = "text/html";
    static final String OPENAPI = "application/vnd.oai.openapi+json;version=3.0";
    static final List<String> CONFORMANCE = List.of(
            "http://www.opengis.net/spec/ogcapi-features-1/1.0/conf/core",
            "http://www.opengis.net/spec/ogcapi-features-1/1.0/conf/oas30",
            "http://www.opengis.net/spec/ogcapi-features-1/1.0/conf/html",
            "http://www.opengis.net/spec/ogcapi-features-1/1.0/conf/geojson");

    static final String TITLE = "平安网格 · 大栗港镇要素服务（OGC API – Features）";
    static final String DESCRIPTION = "镇域地理、平安创建、风险隐患、边界与矛盾纠纷（不含个人信息）的要素集合，供 QGIS、GDAL "
            + "等 GIS 软件直接读取。每个集合按调用者的区域裁剪；道路、水系、地名是公共底图。坐标为 CRS84（经度、纬度）。"
            + "GIS 软件用个人访问令牌登录：请求头 Authorization: Bearer <令牌>（只读，限本人区域）。";

    private final String base;

    OgcDocuments(String base) {
        this.base = base;
    }

    String url(String path) {
        return base + "/ogc" + path;
    }

    Map<String, Object> landing() {
        Map<String, Object> doc = new LinkedHashMap<>();
        doc.put("title", TITLE);
        doc.put("description", DESCRIPTION);
        doc.put("links", List.of(
                link(url("?f=json"), "self", JSON, "本页（JSON）"),
                link(url("?f=html"), "alternate", HTML, "本页（HTML）"),
                link(url("/api?f=json"), "service-desc", OPENAPI, "接口定义（OpenAPI 3.0）"),
                link(url("/api?f=html"), "service-doc", HTML, "接口说明（HTML）"),
                link(url("/conformance?f=json"), "conformance", JSON, "符合的标准类"),
                link(url("/collections?f=json"), "data", JSON, "要素集合")));
        return doc;
    }

    Map<String, Object> conformance() {
        return Map.of("conformsTo", CONFORMANCE);
    }

    Map<String, Object> collections(List<FeatureLayer> layers, Envelope extent) {
        Map<String, Object> doc = new LinkedHashMap<>();
        doc.put("links", List.of(link(url("/collections?f=json"), "self", JSON, "要素集合（JSON）"),
                link(url("/collections?f=html"), "alternate", HTML, "要素集合（HTML）")));
        doc.put("collections", layers.stream().map(layer -> collection(layer, extent, false)).toList());
        return doc;
    }

    Map<String, Object> collection(FeatureLayer layer, Envelope extent, boolean self) {
        String path = "/collections/" + layer.id();
        Map<String, Object> doc = new LinkedHashMap<>();
        doc.put("id", layer.id());
        doc.put("title", layer.title());
        doc.put("description", layer.description());
        List<Map<String, Object>> links = new ArrayList<>();
        links.add(link(url(path + "?f=json"), self ? "self" : "collection", JSON, layer.title()));
        links.add(link(url(path + "?f=html"), "alternate", HTML, layer.title() + "（HTML）"));
        links.add(link(url(path + "/items?f=json"), "items", GEOJSON, layer.title() + "（GeoJSON）"));
        links.add(link(url(path + "/items?f=html"), "items", HTML, layer.title() + "（HTML）"));
        doc.put("links", links);
        Map<String, Object> spatial = new LinkedHashMap<>();
        spatial.put("bbox", List.of(extent == null ? List.of(-180, -90, 180, 90)
                : List.of(extent.getMinX(), extent.getMinY(), extent.getMaxX(), extent.getMaxY())));
        spatial.put("crs", CRS84);
        Map<String, Object> extentDoc = new LinkedHashMap<>();
        extentDoc.put("spatial", spatial);
        if (layer.temporal()) {
            List<Object> open = new ArrayList<>();
            open.add(null);
            open.add(null);
            extentDoc.put("temporal", Map.of("interval", List.of(open),
                    "trs", "http://www.opengis.net/def/uom/ISO-8601/0/Gregorian"));
        }
        doc.put("extent", extentDoc);
        doc.put("itemType", "feature");
        doc.put("crs", List.of(CRS84));
        doc.put("storageCrs", CRS84);
        return doc;
    }

    static Map<String, Object> link(String href, String rel, String type, String title) {
        Map<String, Object> link = new LinkedHashMap<>();
        link.put("href", href);
        link.put("rel", rel);
        link.put("type", type);
        link.put("title", title);
        return link;
    }
}
