package cn.pingangrid.scope;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks an entity whose rows belong to a part of the town, and names the attributes that place a row there.
 * {@link ScopedQueries} turns these into the scope condition of every query over the entity; an entity that is
 * neither {@code @AreaBound} nor {@link Unbound} cannot be queried at all.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
public @interface AreaBound {

    /** The attribute holding the row's village code, if it has one. */
    String village() default "";

    /** The attribute holding the row's grid code, if it has one (its village is the code's first 12 digits). */
    String grid() default "";

    /** A collection attribute of village codes, for rows that lie along several villages (border segments). */
    String villages() default "";

    /** The attribute naming the unit a row is referred to; a mediator of that unit sees the row. */
    String referralUnit() default "";

    /**
     * Whether a grid manager sees the rows of their grid's village for orientation (a village's outline and name,
     * the borders along it). Such context is read-only: {@link ScopedQueries#add} and writes still need the
     * whole village.
     */
    boolean contextForGridUsers() default false;

    /** For rows placed by their parent (an inspection by its site): the parent entity... */
    Class<?> parent() default void.class;

    /** ...and the attribute holding the parent's id. */
    String parentId() default "";

    /**
     * Attributes that are public knowledge for every signed-in user whatever their area (a village's code and name
     * are on the town's notice boards), readable only through {@link ScopedQueries#publicColumns}.
     */
    String[] publicAttributes() default {};
}
