package cn.pingangrid.scope;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks an entity that belongs to no part of the town (the base map, accounts, the audit log), with the reason.
 * Who may read such rows is decided by roles, not by area.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
public @interface Unbound {

    /** Why the rows are not area-bound, for the reader of the entity. */
    String value();
}
