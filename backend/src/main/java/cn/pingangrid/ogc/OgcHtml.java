package cn.pingangrid.ogc;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import cn.pingangrid.geo.Feature;
import cn.pingangrid.geo.FeatureLayer;

/**
 * The HTML pages of the service, for a person looking around in a browser: plain pages with tables and links, no
 * script (the site's Content-Security-Policy allows none inline), every client-derived text escaped.
 */
final class OgcHtml {

    private final OgcDocuments docs;

    OgcHtml(OgcDocuments docs) {
        this.docs = docs;
    }

    String landing() {
        StringBuilder body = new StringBuilder();
        body.append("<p>").append(esc(OgcDocuments.DESCRIPTION)).append("</p><ul>")
                .append(item(docs.url("/collections?f=html"), "要素集合"))
                .append(item(docs.url("/conformance?f=html"), "符合的标准类"))
                .append(item(docs.url("/api?f=html"), "接口说明"))
                .append(item(docs.url("/api?f=json"), "接口定义（OpenAPI 3.0 JSON）"))
                .append(item(docs.url("?f=json"), "本页 JSON")).append("</ul>")
                .append("<h2>在 GIS 软件中使用</h2><p>QGIS：图层 → 添加图层 → WFS / OGC API – Features，地址填 <code>")
                .append(esc(docs.url(""))).append("</code>，认证里添加请求头 <code>Authorization: Bearer 令牌</code>。"
                        + "GDAL：<code>GDAL_HTTP_HEADERS=\"Authorization: Bearer 令牌\" ogrinfo OAPIF:")
                .append(esc(docs.url(""))).append("</code>。令牌在<a href=\"/account.html\">账户与令牌</a>页创建。</p>");
        return page(OgcDocuments.TITLE, List.of(), body.toString());
    }

    String conformance() {
        StringBuilder body = new StringBuilder("<ul>");
        OgcDocuments.CONFORMANCE.forEach(c -> body.append("<li><code>").append(esc(c)).append("</code></li>"));
        return page("符合的标准类", List.of(), body.append("</ul>").toString());
    }

    String api(Map<String, Object> openApi) {
        StringBuilder body = new StringBuilder("<p>机器可读的定义：<a href=\"").append(esc(docs.url("/api?f=json")))
                .append("\">OpenAPI 3.0 JSON</a>。</p><table><thead><tr><th>路径</th><th>说明</th></tr></thead><tbody>");
        @SuppressWarnings("unchecked")
        Map<String, Map<String, Map<String, Object>>> paths = (Map<String, Map<String, Map<String, Object>>>) openApi
                .get("paths");
        paths.forEach((path, methods) -> body.append("<tr><td><code>GET /ogc").append(esc(path.equals("/") ? ""
                : path)).append("</code></td><td>").append(esc(String.valueOf(methods.get("get").get("summary"))))
                .append("</td></tr>"));
        body.append("</tbody></table><p>出错时返回 <code>application/problem+json</code>（RFC 9457），"
                + "<code>invalid-params</code> 说明哪个参数无效。</p>");
        return page("接口说明", List.of(), body.toString());
    }

    String collections(List<FeatureLayer> layers) {
        StringBuilder body = new StringBuilder("<table><thead><tr><th>集合</th><th>编号</th><th>说明</th></tr></thead><tbody>");
        for (FeatureLayer layer : layers) {
            body.append("<tr><td><a href=\"").append(esc(docs.url("/collections/" + layer.id() + "?f=html")))
                    .append("\">").append(esc(layer.title())).append("</a></td><td><code>").append(esc(layer.id()))
                    .append("</code></td><td>").append(esc(layer.description())).append("</td></tr>");
        }
        return page("要素集合", List.of(crumb("/collections", "要素集合")), body.append("</tbody></table>").toString());
    }

    String collection(FeatureLayer layer) {
        String path = "/collections/" + layer.id();
        String body = "<p>" + esc(layer.description()) + "</p><ul>" + item(docs.url(path + "/items?f=html"), "浏览要素")
                + item(docs.url(path + "/items?f=json"), "要素 GeoJSON") + item(docs.url(path + "?f=json"), "本页 JSON")
                + "</ul>";
        return page(layer.title(), List.of(crumb("/collections", "要素集合"), crumb(path, layer.title())), body);
    }

    String items(FeatureLayer layer, List<Feature> features, long matched, int offset, String prev, String next,
            String json) {
        String path = "/collections/" + layer.id();
        Set<String> columns = new LinkedHashSet<>();
        features.forEach(f -> columns.addAll(f.properties().keySet()));
        StringBuilder body = new StringBuilder("<p>共 ").append(matched).append(" 个要素（在您的区域内），本页第 ")
                .append(features.isEmpty() ? 0 : offset + 1).append("–").append(offset + features.size())
                .append(" 个。<a href=\"").append(esc(json)).append("\">本页 GeoJSON</a></p>");
        body.append(pager(prev, next)).append("<div class=\"scroll\"><table><thead><tr><th>编号</th>");
        columns.forEach(c -> body.append("<th>").append(esc(c)).append("</th>"));
        body.append("<th>几何</th></tr></thead><tbody>");
        for (Feature f : features) {
            body.append("<tr><td><a href=\"").append(esc(docs.url(path + "/items/" + f.id() + "?f=html"))).append("\">")
                    .append(esc(String.valueOf(f.id()))).append("</a></td>");
            columns.forEach(c -> body.append("<td>").append(esc(text(f.properties().get(c)))).append("</td>"));
            body.append("<td>").append(f.geometry() == null ? "" : esc(f.geometry().getGeometryType())).append("</td></tr>");
        }
        body.append("</tbody></table></div>").append(pager(prev, next));
        return page(layer.title() + " · 要素", List.of(crumb("/collections", "要素集合"), crumb(path, layer.title()),
                crumb(path + "/items", "要素")), body.toString());
    }

    String item(FeatureLayer layer, Feature feature) {
        String path = "/collections/" + layer.id();
        StringBuilder body = new StringBuilder("<table><tbody>");
        feature.properties().forEach((k, v) -> body.append("<tr><th>").append(esc(k)).append("</th><td>")
                .append(esc(text(v))).append("</td></tr>"));
        body.append("<tr><th>几何</th><td>").append(feature.geometry() == null ? ""
                : esc(feature.geometry().getGeometryType() + "，中心 " + feature.geometry().getCentroid().getX() + ", "
                        + feature.geometry().getCentroid().getY())).append("</td></tr></tbody></table>");
        body.append("<p><a href=\"").append(esc(docs.url(path + "/items/" + feature.id() + "?f=json")))
                .append("\">GeoJSON</a></p>");
        return page(layer.title() + " " + feature.id(), List.of(crumb("/collections", "要素集合"),
                crumb(path, layer.title()), crumb(path + "/items", "要素")), body.toString());
    }

    private String pager(String prev, String next) {
        StringBuilder nav = new StringBuilder("<nav class=\"pager\">");
        if (prev != null) {
            nav.append("<a rel=\"prev\" href=\"").append(esc(prev)).append("\">上一页</a>");
        }
        if (next != null) {
            nav.append("<a rel=\"next\" href=\"").append(esc(next)).append("\">下一页</a>");
        }
        return nav.append("</nav>").toString();
    }

    private record Crumb(String href, String label) {
    }

    private Crumb crumb(String path, String label) {
        return new Crumb(docs.url(path + "?f=html"), label);
    }

    private String page(String title, List<Crumb> crumbs, String body) {
        StringBuilder html = new StringBuilder("<!DOCTYPE html><html lang=\"zh-CN\"><head><meta charset=\"utf-8\">"
                + "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\"><title>")
                .append(esc(title)).append("</title><link rel=\"icon\" href=\"/favicon.svg\" type=\"image/svg+xml\">"
                        + "<link rel=\"stylesheet\" href=\"/css/ogc.css\"></head><body><header><nav><a href=\"")
                .append(esc(docs.url("?f=html"))).append("\">要素服务</a>");
        crumbs.forEach(c -> html.append(" › <a href=\"").append(esc(c.href())).append("\">").append(esc(c.label()))
                .append("</a>"));
        html.append("</nav><a class=\"home\" href=\"/\">返回地图</a></header><main><h1>").append(esc(title))
                .append("</h1>").append(body).append("</main></body></html>");
        return html.toString();
    }

    private String item(String href, String label) {
        return "<li><a href=\"" + esc(href) + "\">" + esc(label) + "</a></li>";
    }

    private static String text(Object value) {
        return value == null ? "" : String.valueOf(value);
    }

    static String esc(String text) {
        StringBuilder out = new StringBuilder(text.length());
        for (char c : text.toCharArray()) {
            switch (c) {
                case '<' -> out.append("&lt;");
                case '>' -> out.append("&gt;");
                case '&' -> out.append("&amp;");
                case '"' -> out.append("&quot;");
                case '\'' -> out.append("&#39;");
                default -> out.append(c);
            }
        }
        return out.toString();
    }
}
