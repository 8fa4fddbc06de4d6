package cn.pingangrid.scope;

import java.util.function.Function;

import cn.pingangrid.geo.Feature;

/**
 * How an entity is offered as a feature layer ({@link ScopedQueries#layer}): the collection's id, title and
 * description; the entity with its id, geometry and (optional) date attribute; an optional fixed condition (JPQL
 * over the alias {@code x}, no parameters); the select list over {@code x} whose rows {@code feature} turns into a
 * feature; and how a feature id in a URL becomes the entity's id ({@code parseId} throws
 * {@link IllegalArgumentException} for text that cannot be an id: the feature is then simply not found).
 *
 * <p>The select list names only what the layer may publish: a projection, so a column not named (a party's name, a
 * phone number) never leaves the database.
 */
public record LayerDefinition(String id, String title, String description, Class<?> entity, String idAttribute,
        String geometryAttribute, String dateAttribute, String condition, String select,
        Function<Object[], Feature> feature, Function<String, Object> parseId) {

    /** Ids that are numbers (generated keys). */
    public static Object longId(String text) {
        if (text == null || !text.matches("[0-9]{1,18}")) {
            throw new IllegalArgumentException("not an id");
        }
        return Long.valueOf(text);
    }

    /** Ids that are codes of digits (village 12, grid 14, building 19 digits). */
    public static Function<String, Object> codeId(int digits) {
        return text -> {
            if (text == null || !text.matches("[0-9]{" + digits + "}")) {
                throw new IllegalArgumentException("not a code");
            }
            return text;
        };
    }
}
