/** Cross-cutting web setup: RFC 9457 problem responses for every error a client can cause. */
package cn.pingangrid.system;
