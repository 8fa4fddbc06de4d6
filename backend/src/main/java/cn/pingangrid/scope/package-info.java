/**
 * Scope: the one mechanism through which every read and write of area-bound data passes.
 *
 * <ul>
 * <li>Entities say where their rows belong: {@link cn.pingangrid.scope.AreaBound} (village, grid, villages along a
 * border, referral unit, or a parent) or {@link cn.pingangrid.scope.Unbound} with the reason.</li>
 * <li>{@link cn.pingangrid.scope.ScopedQueries} is the only class that talks to the {@code EntityManager}: every
 * query it builds carries the caller's {@link cn.pingangrid.scope.AreaScope} as a condition in the database, and
 * {@code add} refuses a row outside it. Modules never pass a scope and cannot pass a wrong one.</li>
 * <li>The scope is the signed-in user's; the system's own work (import, demo data, scheduled jobs) runs in
 * {@link cn.pingangrid.scope.SystemScope} on a path listed in {@link cn.pingangrid.scope.UnscopedPath}.</li>
 * <li>{@code ScopingArchitectureTests} fails when a class outside this package uses JPA or JDBC directly, or opens
 * an unscoped path it does not own.</li>
 * </ul>
 */

package cn.pingangrid.scope;
