package cn.pingangrid.ogc;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

import cn.pingangrid.geo.BoundingBox;
import cn.pingangrid.geo.FeatureQuery;
import cn.pingangrid.system.Dates;
import cn.pingangrid.system.InvalidInputException;
import cn.pingangrid.system.Texts;

/**
 * The query parameters of {@code /items}, checked: {@code bbox} (CRS84 longitude/latitude; a zero-area box is a
 * point query), {@code datetime} (an RFC 3339 date or date-time, or an interval {@code start/end} with {@code ..}
 * for an open end; date-times count by their Beijing date), {@code limit} (1 to the maximum), {@code offset} (the
 * page's start, as the {@code next}/{@code prev} links write it) and {@code f}. Any other parameter is a 400, as the
 * standard requires, so a misspelt filter is never silently ignored.
 */
record ItemsQuery(BoundingBox bbox, LocalDate from, LocalDate to, boolean dated, int offset, int limit) {

    static final Set<String> PARAMETERS = Set.of("bbox", "datetime", "limit", "offset", "f");
    static final int MAX_OFFSET = 10_000_000;
    private static final ZoneId BEIJING = ZoneId.of("Asia/Shanghai");

    static ItemsQuery parse(Map<String, String[]> parameters, int defaultLimit, int maxLimit) {
        for (Map.Entry<String, String[]> parameter : parameters.entrySet()) {
            if (!PARAMETERS.contains(parameter.getKey())) {
                throw new InvalidInputException(Texts.quote(parameter.getKey()),
                        "未知参数，可用：bbox、datetime、limit、offset、f");
            }
            if (parameter.getValue().length > 1) {
                throw new InvalidInputException(parameter.getKey(), "只能给一次");
            }
        }
        String bboxText = single(parameters, "bbox");
        BoundingBox bbox = bboxText == null ? null : BoundingBox.parse("bbox", bboxText);
        int limit = integer(parameters, "limit", defaultLimit, 1, maxLimit,
                "须为 1 到 " + maxLimit + " 之间的整数（默认 " + defaultLimit + "）");
        int offset = integer(parameters, "offset", 0, 0, MAX_OFFSET, "须为 0 到 " + MAX_OFFSET + " 之间的整数");
        String datetime = single(parameters, "datetime");
        if (datetime == null) {
            return new ItemsQuery(bbox, null, null, false, offset, limit);
        }
        if (datetime.length() > 100) {
            throw new InvalidInputException("datetime", "过长");
        }
        String[] ends = datetime.split("/", -1);
        if (ends.length > 2) {
            throw new InvalidInputException("datetime", "须为一个时间或 起/止 区间（开放一端写 ..）");
        }
        LocalDate from = end(ends[0], ends.length == 2);
        LocalDate to = ends.length == 2 ? end(ends[1], true) : from;
        if (from != null && to != null && from.isAfter(to)) {
            throw new InvalidInputException("datetime", "开始晚于结束");
        }
        return new ItemsQuery(bbox, from, to, true, offset, limit);
    }

    FeatureQuery toFeatureQuery() {
        return new FeatureQuery(bbox == null ? null : bbox.toPolygon(), from, to, offset, limit);
    }

    /** The parameters to repeat in a link to another page of the same query (not {@code offset}/{@code f}). */
    Map<String, String> filters(Map<String, String[]> parameters) {
        Map<String, String> kept = new LinkedHashMap<>();
        for (String name : new String[] { "bbox", "datetime" }) {
            String value = single(parameters, name);
            if (value != null) {
                kept.put(name, value);
            }
        }
        kept.put("limit", String.valueOf(limit));
        return kept;
    }

    private static LocalDate end(String text, boolean interval) {
        String value = text.strip();
        if (interval && (value.isEmpty() || value.equals(".."))) {
            return null;
        }
        return Dates.dateOrDateTime("datetime", value, BEIJING);
    }

    private static int integer(Map<String, String[]> parameters, String name, int fallback, int min, int max,
            String rule) {
        String text = single(parameters, name);
        if (text == null) {
            return fallback;
        }
        if (!text.strip().matches("[0-9]{1,9}")) {
            throw new InvalidInputException(name, rule);
        }
        int value = Integer.parseInt(text.strip());
        if (value < min || value > max) {
            throw new InvalidInputException(name, rule);
        }
        return value;
    }

    private static String single(Map<String, String[]> parameters, String name) {
        String[] values = parameters.get(name);
        return values == null || values.length == 0 ? null : values[0];
    }
}
