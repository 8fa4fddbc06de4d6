/**
 * Users, roles and sign-in: session login with CSRF protection, lockout after repeated failures, the first
 * administrator, the demo accounts, and account administration. A login carries the user's area as
 * {@link cn.pingangrid.scope.AreaScope} authorities, so every module can cut its queries to it.
 *
 * <p>Other modules see only {@link cn.pingangrid.account.CurrentUser}, {@link cn.pingangrid.account.Role},
 * {@link cn.pingangrid.account.People} (names and units as records) and {@link cn.pingangrid.account.DemoCadres};
 * accounts, sign-in, lockout, security configuration, demo accounts and the HTTP API live in {@code internal}.
 */
package cn.pingangrid.account;
