package cn.pingangrid.ogc;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The OpenAPI 3.0 description of {@code /ogc} ({@code service-desc}): the seven paths of Part 1 Core, the
 * collection ids as an enum, {@code limit} with its default and maximum (GDAL reads the maximum as its page size),
 * the problem+json answers, and the two ways in (session cookie, personal access token).
 */
final class OgcOpenApi {

    private OgcOpenApi() {
    }

    static Map<String, Object> document(String serverUrl, List<String> collectionIds, int defaultLimit,
            int maxLimit) {
        Map<String, Object> doc = new LinkedHashMap<>();
        doc.put("openapi", "3.0.3");
        doc.put("info", Map.of("title", OgcDocuments.TITLE, "version", "1.0.0", "description",
                OgcDocuments.DESCRIPTION));
        doc.put("servers", List.of(Map.of("url", serverUrl)));
        doc.put("security", List.of(Map.of("personalAccessToken", List.of()), Map.of("session", List.of())));
        Map<String, Object> paths = new LinkedHashMap<>();
        paths.put("/", get("landingPage", "入口页", List.of(f()), ok("入口页：各资源的链接", "LandingPage", false)));
        paths.put("/conformance", get("getConformance", "符合的标准类", List.of(f()),
                ok("符合的标准类（conformsTo）", "Conformance", false)));
        paths.put("/api", get("getApi", "本接口定义（OpenAPI 3.0）", List.of(f()), ok("OpenAPI 3.0 文档", null, false)));
        paths.put("/collections", get("getCollections", "要素集合列表", List.of(f()),
                ok("全部要素集合", "Collections", false)));
        paths.put("/collections/{collectionId}", get("describeCollection", "一个要素集合",
                List.of(collectionId(collectionIds), f()), ok("集合的说明、范围和链接", "Collection", false)));
        paths.put("/collections/{collectionId}/items", get("getFeatures", "集合中的要素（分页）", List.of(
                collectionId(collectionIds), limit(defaultLimit, maxLimit), bbox(), datetime(), offset(), f()),
                ok("一页要素：numberMatched 为按调用者区域和筛选条件匹配的总数，numberReturned 为本页数量，"
                        + "links 中有 next/prev", "FeatureCollection", true)));
        paths.put("/collections/{collectionId}/items/{featureId}", get("getFeature", "一个要素", List.of(
                collectionId(collectionIds), parameter("featureId", "path", true, "要素编号（代码或数字编号）",
                        Map.of("type", "string")), f()), ok("一个要素", "Feature", true)));
        doc.put("paths", paths);
        Map<String, Object> schemas = new LinkedHashMap<>();
        schemas.put("Problem", problemSchema());
        schemas.put("Link", Map.of("type", "object", "required", List.of("href"), "properties", Map.of("href",
                Map.of("type", "string"), "rel", Map.of("type", "string"), "type", Map.of("type", "string"),
                "title", Map.of("type", "string"))));
        for (String name : List.of("LandingPage", "Conformance", "Collections", "Collection", "FeatureCollection",
                "Feature")) {
            schemas.put(name, Map.of("type", "object"));
        }
        Map<String, Object> components = new LinkedHashMap<>();
        components.put("schemas", schemas);
        components.put("securitySchemes", Map.of(
                "personalAccessToken", Map.of("type", "http", "scheme", "bearer", "description",
                        "个人访问令牌（在“账户与令牌”页创建）：只读，范围与本人相同"),
                "session", Map.of("type", "apiKey", "in", "cookie", "name", "JSESSIONID", "description",
                        "浏览器登录后的会话")));
        doc.put("components", components);
        return doc;
    }

    /** The problem+json schema (RFC 9457), shared by every error answer of the application. */
    static Map<String, Object> problemSchema() {
        Map<String, Object> properties = new LinkedHashMap<>();
        properties.put("type", Map.of("type", "string", "description", "问题类型的 URI（默认 about:blank）"));
        properties.put("title", Map.of("type", "string", "description", "问题的简短中文标题"));
        properties.put("status", Map.of("type", "integer", "description", "HTTP 状态码"));
        properties.put("detail", Map.of("type", "string", "description", "中文说明"));
        properties.put("instance", Map.of("type", "string", "description", "出问题的请求路径"));
        properties.put("invalid-params", Map.of("type", "array", "description", "无效的输入：字段名和原因",
                "items", Map.of("type", "object", "properties", Map.of("name", Map.of("type", "string"), "reason",
                        Map.of("type", "string")))));
        return Map.of("type", "object", "description", "RFC 9457 problem details（application/problem+json）",
                "properties", properties);
    }

    private static Map<String, Object> get(String operationId, String summary, List<Map<String, Object>> parameters,
            Map<String, Object> ok) {
        Map<String, Object> responses = new LinkedHashMap<>();
        responses.put("200", ok);
        responses.put("400", problem("参数无效（invalid-params 说明哪个参数、为什么）"));
        responses.put("401", problem("未登录，或令牌格式错误、未知、已撤销、已过期"));
        responses.put("404", problem("没有这个集合或要素（或不在调用者的区域内）"));
        Map<String, Object> operation = new LinkedHashMap<>();
        operation.put("operationId", operationId);
        operation.put("summary", summary);
        operation.put("parameters", parameters);
        operation.put("responses", responses);
        return Map.of("get", operation);
    }

    private static Map<String, Object> ok(String description, String schema, boolean geoJson) {
        Map<String, Object> content = new LinkedHashMap<>();
        Map<String, Object> json = schema == null ? Map.of() : Map.of("schema", Map.of("$ref",
                "#/components/schemas/" + schema));
        content.put(geoJson ? OgcDocuments.GEOJSON : OgcDocuments.JSON, json);
        content.put(OgcDocuments.HTML, Map.of("schema", Map.of("type", "string")));
        return Map.of("description", description, "content", content);
    }

    private static Map<String, Object> problem(String description) {
        return Map.of("description", description, "content", Map.of("application/problem+json",
                Map.of("schema", Map.of("$ref", "#/components/schemas/Problem"))));
    }

    private static Map<String, Object> f() {
        return parameter("f", "query", false, "格式：json 或 html（不给时按 Accept 头）",
                Map.of("type", "string", "enum", List.of("json", "html")));
    }

    private static Map<String, Object> collectionId(List<String> ids) {
        return parameter("collectionId", "path", true, "集合编号", Map.of("type", "string", "enum", ids));
    }

    private static Map<String, Object> limit(int defaultLimit, int maxLimit) {
        return parameter("limit", "query", false, "每页要素数，默认 " + defaultLimit + "，最多 " + maxLimit
                + "（超过为 400）", Map.of("type", "integer", "minimum", 1, "maximum", maxLimit, "default",
                        defaultLimit));
    }

    private static Map<String, Object> bbox() {
        Map<String, Object> p = parameter("bbox", "query", false,
                "最小经度,最小纬度,最大经度,最大纬度（CRS84）；面积为零的框是点查询",
                Map.of("type", "array", "minItems", 4, "maxItems", 4, "items", Map.of("type", "number")));
        p.put("style", "form");
        p.put("explode", false);
        return p;
    }

    private static Map<String, Object> datetime() {
        return parameter("datetime", "query", false, "只用于有日期的集合（disputes：排查日期）：RFC 3339 日期或时间，"
                + "或区间 起/止，开放一端写 ..；时间按北京时间的日期计", Map.of("type", "string"));
    }

    private static Map<String, Object> offset() {
        return parameter("offset", "query", false, "从第几个要素开始（next/prev 链接使用）",
                Map.of("type", "integer", "minimum", 0, "maximum", ItemsQuery.MAX_OFFSET, "default", 0));
    }

    private static Map<String, Object> parameter(String name, String in, boolean required, String description,
            Map<String, Object> schema) {
        Map<String, Object> p = new LinkedHashMap<>();
        p.put("name", name);
        p.put("in", in);
        p.put("required", required);
        p.put("description", description);
        p.put("schema", schema);
        return p;
    }
}
