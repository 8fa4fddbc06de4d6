/**
 * Users, roles and sign-in: session login with CSRF protection, lockout after repeated failures, the first
 * administrator, the demo accounts, and account administration. A login carries the user's area as
 * {@link cn.pingangrid.scope.AreaScope} authorities, so every module can cut its queries to it.
 */
package cn.pingangrid.account;
