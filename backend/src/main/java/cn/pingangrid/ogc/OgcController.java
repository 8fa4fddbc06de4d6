package cn.pingangrid.ogc;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import jakarta.servlet.http.HttpServletRequest;
import org.locationtech.jts.geom.Envelope;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.http.HttpHeaders;
import org.springframework.http.InvalidMediaTypeException;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;

import cn.pingangrid.area.Areas;
import cn.pingangrid.geo.Feature;
import cn.pingangrid.geo.FeatureLayer;
import cn.pingangrid.geo.FeaturePage;
import cn.pingangrid.system.InvalidInputException;
import cn.pingangrid.system.NotFoundException;
import cn.pingangrid.system.Texts;

/**
 * OGC API – Features Part 1 Core: landing page, conformance, the API definition, collections, items (paged, with
 * {@code bbox}, {@code datetime}, {@code limit}), one item. JSON or HTML by {@code f} or the Accept header. Every
 * read is the layer's own, cut to the caller's area; a signed-in session or a personal access token may call it.
 */
@RestController
@RequestMapping("/ogc")
class OgcController {

    /** What a {@code Content-Crs} header says: every coordinate is CRS84 longitude, latitude. */
    private static final String CONTENT_CRS = "<" + OgcDocuments.CRS84 + ">";
    private static final Set<String> NO_PARAMETERS = Set.of("f");

    private final FeatureCollections collections;
    private final Areas areas;
    private final int defaultLimit;
    private final int maxLimit;

    OgcController(FeatureCollections collections, Areas areas,
            @Value("${pingan.ogc.default-limit:100}") int defaultLimit,
            @Value("${pingan.ogc.max-limit:5000}") int maxLimit) {
        this.collections = collections;
        this.areas = areas;
        this.defaultLimit = defaultLimit;
        this.maxLimit = maxLimit;
    }

    @GetMapping({ "", "/" })
    ResponseEntity<?> landing(HttpServletRequest request) {
        Format format = Format.of(request, NO_PARAMETERS);
        OgcDocuments docs = docs();
        return format == Format.HTML ? html(new OgcHtml(docs).landing()) : json(docs.landing(), OgcDocuments.JSON);
    }

    @GetMapping("/conformance")
    ResponseEntity<?> conformance(HttpServletRequest request) {
        Format format = Format.of(request, NO_PARAMETERS);
        OgcDocuments docs = docs();
        return format == Format.HTML ? html(new OgcHtml(docs).conformance())
                : json(docs.conformance(), OgcDocuments.JSON);
    }

    @GetMapping("/api")
    ResponseEntity<?> api(HttpServletRequest request) {
        Format format = Format.of(request, NO_PARAMETERS);
        OgcDocuments docs = docs();
        Map<String, Object> openApi = OgcOpenApi.document(docs.url(""), collections.all().stream()
                .map(FeatureLayer::id).toList(), defaultLimit, maxLimit);
        return format == Format.HTML ? html(new OgcHtml(docs).api(openApi)) : json(openApi, OgcDocuments.OPENAPI);
    }

    @GetMapping("/collections")
    ResponseEntity<?> collections(HttpServletRequest request) {
        Format format = Format.of(request, NO_PARAMETERS);
        OgcDocuments docs = docs();
        return format == Format.HTML ? html(new OgcHtml(docs).collections(collections.all()))
                : json(docs.collections(collections.all(), extent()), OgcDocuments.JSON);
    }

    @GetMapping("/collections/{collectionId}")
    ResponseEntity<?> collection(@PathVariable String collectionId, HttpServletRequest request) {
        Format format = Format.of(request, NO_PARAMETERS);
        FeatureLayer layer = layer(collectionId);
        OgcDocuments docs = docs();
        return format == Format.HTML ? html(new OgcHtml(docs).collection(layer))
                : json(docs.collection(layer, extent(), true), OgcDocuments.JSON);
    }

    @GetMapping("/collections/{collectionId}/items")
    ResponseEntity<?> items(@PathVariable String collectionId, HttpServletRequest request) {
        Format format = Format.of(request, ItemsQuery.PARAMETERS);
        FeatureLayer layer = layer(collectionId);
        ItemsQuery query = ItemsQuery.parse(request.getParameterMap(), defaultLimit, maxLimit);
        if (query.dated() && !layer.temporal()) {
            throw new InvalidInputException("datetime", "集合 " + layer.id() + " 没有日期，不能按时间筛选");
        }
        FeaturePage page = collections.page(layer, query.toFeatureQuery());
        OgcDocuments docs = docs();
        String path = "/collections/" + layer.id() + "/items";
        Map<String, String> filters = query.filters(request.getParameterMap());
        int offset = query.offset();
        String prev = offset == 0 ? null : pageUrl(docs, path, filters, Math.max(0, offset - query.limit()));
        String next = offset + page.features().size() < page.numberMatched() && !page.features().isEmpty()
                ? pageUrl(docs, path, filters, offset + query.limit()) : null;
        if (format == Format.HTML) {
            return html(new OgcHtml(docs).items(layer, page.features(), page.numberMatched(), offset,
                    htmlPage(prev), htmlPage(next), pageUrl(docs, path, filters, offset) + "&f=json"));
        }
        List<Map<String, Object>> links = new ArrayList<>();
        links.add(OgcDocuments.link(pageUrl(docs, path, filters, offset) + "&f=json", "self", OgcDocuments.GEOJSON,
                "本页"));
        links.add(OgcDocuments.link(pageUrl(docs, path, filters, offset) + "&f=html", "alternate", OgcDocuments.HTML,
                "本页（HTML）"));
        if (prev != null) {
            links.add(OgcDocuments.link(prev + "&f=json", "prev", OgcDocuments.GEOJSON, "上一页"));
        }
        if (next != null) {
            links.add(OgcDocuments.link(next + "&f=json", "next", OgcDocuments.GEOJSON, "下一页"));
        }
        links.add(OgcDocuments.link(docs.url("/collections/" + layer.id() + "?f=json"), "collection",
                OgcDocuments.JSON, layer.title()));
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("type", "FeatureCollection");
        body.put("features", page.features());
        body.put("numberMatched", page.numberMatched());
        body.put("numberReturned", page.features().size());
        body.put("timeStamp", Instant.now().truncatedTo(ChronoUnit.SECONDS).toString());
        body.put("links", links);
        return json(body, OgcDocuments.GEOJSON);
    }

    @GetMapping("/collections/{collectionId}/items/{featureId}")
    ResponseEntity<?> item(@PathVariable String collectionId, @PathVariable String featureId,
            HttpServletRequest request) {
        Format format = Format.of(request, NO_PARAMETERS);
        FeatureLayer layer = layer(collectionId);
        Feature feature = collections.one(layer, featureId).orElseThrow(() -> new NotFoundException(
                "集合 " + layer.id() + " 中没有编号为「" + Texts.quote(featureId) + "」的要素（或不在您的区域内）"));
        OgcDocuments docs = docs();
        if (format == Format.HTML) {
            return html(new OgcHtml(docs).item(layer, feature));
        }
        String self = docs.url("/collections/" + layer.id() + "/items/" + encode(String.valueOf(feature.id())));
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("type", "Feature");
        body.put("id", feature.id());
        body.put("geometry", feature.geometry());
        body.put("properties", feature.properties());
        body.put("links", List.of(OgcDocuments.link(self + "?f=json", "self", OgcDocuments.GEOJSON, "本要素"),
                OgcDocuments.link(self + "?f=html", "alternate", OgcDocuments.HTML, "本要素（HTML）"),
                OgcDocuments.link(docs.url("/collections/" + layer.id() + "?f=json"), "collection", OgcDocuments.JSON,
                        layer.title())));
        return json(body, OgcDocuments.GEOJSON);
    }

    private FeatureLayer layer(String id) {
        return collections.layer(id).orElseThrow(() -> new NotFoundException("没有编号为「" + Texts.quote(id)
                + "」的要素集合，可用：" + String.join("、", collections.all().stream().map(FeatureLayer::id).toList())));
    }

    /** The town's extent (public), the spatial extent every collection lies in. */
    private Envelope extent() {
        return areas.townBoundary().map(b -> b.getEnvelopeInternal()).orElse(null);
    }

    private static OgcDocuments docs() {
        return new OgcDocuments(ServletUriComponentsBuilder.fromCurrentContextPath().build().toUriString());
    }

    private static String pageUrl(OgcDocuments docs, String path, Map<String, String> filters, int offset) {
        StringBuilder url = new StringBuilder(docs.url(path)).append('?');
        filters.forEach((k, v) -> url.append(k).append('=').append(encode(v)).append('&'));
        return url.append("offset=").append(offset).toString();
    }

    private static String htmlPage(String pageUrl) {
        return pageUrl == null ? null : pageUrl + "&f=html";
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8).replace("+", "%20");
    }

    private static ResponseEntity<?> json(Object body, String type) {
        return ResponseEntity.ok().header("Content-Crs", CONTENT_CRS)
                .contentType(MediaType.parseMediaType(type)).body(body);
    }

    private static ResponseEntity<?> html(String page) {
        return ResponseEntity.ok().contentType(new MediaType("text", "html", StandardCharsets.UTF_8)).body(page);
    }

    /** JSON or HTML: {@code f} decides, else the Accept header's most preferred of the two; JSON by default. */
    enum Format {
        JSON, HTML;

        static Format of(HttpServletRequest request, Set<String> allowed) {
            if (allowed == NO_PARAMETERS) {
                for (String name : request.getParameterMap().keySet()) {
                    if (!allowed.contains(name)) {
                        throw new InvalidInputException(Texts.quote(name), "未知参数，此处只有 f（json 或 html）");
                    }
                }
            }
            String[] f = request.getParameterValues("f");
            if (f != null) {
                if (f.length != 1 || !(f[0].equals("json") || f[0].equals("html"))) {
                    throw new InvalidInputException("f", "须为 json 或 html");
                }
                return f[0].equals("html") ? HTML : JSON;
            }
            String accept = request.getHeader(HttpHeaders.ACCEPT);
            if (accept == null || accept.isBlank()) {
                return JSON;
            }
            try {
                List<MediaType> types = new ArrayList<>(MediaType.parseMediaTypes(accept));
                types.sort(java.util.Comparator.comparingDouble(MediaType::getQualityValue).reversed());
                for (MediaType type : types) {
                    if (type.getQualityValue() == 0) {
                        continue;
                    }
                    if (type.isCompatibleWith(MediaType.TEXT_HTML) && !type.isWildcardType()) {
                        return HTML;
                    }
                    if (type.getSubtype().equals("json") || type.getSubtype().endsWith("+json")
                            || type.isWildcardType()) {
                        return JSON;
                    }
                }
            } catch (InvalidMediaTypeException e) {
                return JSON;
            }
            return JSON;
        }
    }
}
