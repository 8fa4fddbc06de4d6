package cn.pingangrid.account.internal;

import java.io.IOException;
import java.time.Clock;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.http.HttpStatus;
import org.springframework.security.authentication.AbstractAuthenticationToken;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.core.context.SecurityContextHolderStrategy;
import org.springframework.security.web.context.RequestAttributeSecurityContextRepository;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.web.filter.OncePerRequestFilter;

import cn.pingangrid.audit.AuditTrail;

/**
 * Signs a request in by a personal access token ({@code Authorization: Bearer pgt_…}) on {@code /ogc/**} and
 * {@code /api/**}: the owner's current roles and area (read fresh from the account on each use, so a changed or
 * disabled account changes its tokens at once) but read-only — any method other than GET and HEAD is a 403, as is
 * account administration. A malformed, unknown, revoked or expired token, or a disabled owner, is a 401; every use
 * and every refusal of a known token is in the audit log with the token's id. No session is created or read.
 *
 * <p>Runs in a stateless chain of its own ({@code SecurityConfiguration.tokenFilterChain}), only for requests with
 * a Bearer header, so browser sessions and CSRF work as before.
 */
final class TokenAuthentication extends OncePerRequestFilter {

    /** Marks a token sign-in among the authorities (and tells it from a session in the audit log). */
    static final String TOKEN_AUTHORITY = "AUTH_PERSONAL_ACCESS_TOKEN";
    private static final ZoneId BEIJING = ZoneId.of("Asia/Shanghai");
    private static final Set<String> READS = Set.of("GET", "HEAD");

    private final PersonalAccessTokens tokens;
    private final Accounts accounts;
    private final AuditTrail audit;
    private final TransactionTemplate transactions;
    private final Clock clock;
    private final ProblemWriter problems;
    private final SecurityContextHolderStrategy contexts = SecurityContextHolder.getContextHolderStrategy();
    private final RequestAttributeSecurityContextRepository requestOnly = new RequestAttributeSecurityContextRepository();

    /** Writes a problem+json answer (the security configuration's own writer). */
    interface ProblemWriter {
        void write(HttpServletResponse response, HttpStatus status, String title, String detail) throws IOException;
    }

    TokenAuthentication(PersonalAccessTokens tokens, Accounts accounts, AuditTrail audit,
            TransactionTemplate transactions, Clock clock, ProblemWriter problems) {
        this.tokens = tokens;
        this.accounts = accounts;
        this.audit = audit;
        this.transactions = transactions;
        this.clock = clock;
        this.problems = problems;
    }

    /** Whether the request carries a Bearer token on a path tokens are for ({@code /api/**}, {@code /ogc/**}). */
    static boolean applies(HttpServletRequest request) {
        String header = request.getHeader("Authorization");
        // "Bearer" alone (an empty token) is a token request too: a 401 for the token, not a CSRF refusal
        if (header == null || !header.regionMatches(true, 0, "Bearer", 0, 6)
                || header.length() > 6 && !Character.isWhitespace(header.charAt(6))) {
            return false;
        }
        String path = request.getRequestURI().substring(request.getContextPath().length());
        return path.startsWith("/api/") || path.equals("/ogc") || path.startsWith("/ogc/");
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        response.setHeader("Cache-Control", "no-store");
        String token = request.getHeader("Authorization").substring(6).strip();
        if (!TokenFormat.wellFormed(token)) {
            refuse(response, HttpStatus.UNAUTHORIZED, "令牌无效", "令牌格式不对（应以 pgt_ 开头，共 "
                    + TokenFormat.LENGTH + " 个字符，请完整复制）");
            return;
        }
        String path = request.getRequestURI().substring(request.getContextPath().length());
        String use = request.getMethod() + " " + path + (request.getQueryString() == null ? ""
                : "?" + request.getQueryString());
        Outcome outcome = transactions.execute(status -> check(token, request.getMethod(), path, use));
        if (outcome.refusal() != null) {
            refuse(response, outcome.status(), outcome.title(), outcome.refusal());
            return;
        }
        SecurityContext context = contexts.createEmptyContext();
        context.setAuthentication(outcome.authentication());
        contexts.setContext(context);
        requestOnly.saveContext(context, request, response); // this request only: the chain keeps no session
        try {
            chain.doFilter(request, response);
        } finally {
            contexts.clearContext();
        }
    }

    private record Outcome(Authentication authentication, HttpStatus status, String title, String refusal) {
        static Outcome refused(HttpStatus status, String title, String detail) {
            return new Outcome(null, status, title, detail);
        }
    }

    /** Looks the token up and decides, in one transaction with its audit entry and last-used time. */
    private Outcome check(String token, String method, String path, String use) {
        PersonalAccessToken stored = tokens.findByTokenHash(TokenFormat.hash(token)).orElse(null);
        if (stored == null) {
            return Outcome.refused(HttpStatus.UNAUTHORIZED, "令牌无效", "未知的令牌（可能已被删除或复制有误）");
        }
        UserAccount owner = accounts.findById(stored.getUserId()).orElse(null);
        String username = owner == null ? null : owner.getUsername();
        String id = String.valueOf(stored.getId());
        PersonalAccessToken.State state = stored.state(clock.instant().atZone(BEIJING).toLocalDate());
        if (state != PersonalAccessToken.State.ACTIVE || owner == null || !owner.isEnabled()) {
            String detail = state == PersonalAccessToken.State.REVOKED ? "令牌已撤销"
                    : state == PersonalAccessToken.State.EXPIRED ? "令牌已过期" : "令牌所属账户已停用";
            audit.record(username, "TOKEN_REFUSED", "access_token", id, detail + "：" + use);
            return Outcome.refused(HttpStatus.UNAUTHORIZED, "令牌无效", detail);
        }
        if (!READS.contains(method)) {
            audit.record(username, "TOKEN_WRITE_REFUSED", "access_token", id, use);
            return Outcome.refused(HttpStatus.FORBIDDEN, "无权操作", "个人访问令牌只能读取，不能修改数据；请在网页上登录后操作");
        }
        if (path.startsWith("/api/admin/")) {
            audit.record(username, "TOKEN_WRITE_REFUSED", "access_token", id, use);
            return Outcome.refused(HttpStatus.FORBIDDEN, "无权操作", "个人访问令牌不能用于系统管理");
        }
        stored.used(clock.instant());
        audit.record(username, "TOKEN_USE", "access_token", id, stored.getName() + "：" + use);
        SignedInUser user = new SignedInUser(owner, clock.instant());
        List<GrantedAuthority> authorities = new ArrayList<>(user.getAuthorities());
        authorities.add(new SimpleGrantedAuthority(TOKEN_AUTHORITY));
        return new Outcome(new Authentication(user, authorities, stored.getId()), null, null, null);
    }

    private void refuse(HttpServletResponse response, HttpStatus status, String title, String detail)
            throws IOException {
        if (status == HttpStatus.UNAUTHORIZED) {
            response.setHeader("WWW-Authenticate", "Bearer realm=\"pingan-grid\", error=\"invalid_token\"");
        }
        problems.write(response, status, title, detail);
    }

    /** A request signed in by a personal access token: the owner as principal, the token's id for the record. */
    static final class Authentication extends AbstractAuthenticationToken {

        private final SignedInUser principal;
        private final long tokenId;

        Authentication(SignedInUser principal, List<GrantedAuthority> authorities, long tokenId) {
            super(authorities);
            this.principal = principal;
            this.tokenId = tokenId;
            setAuthenticated(true);
        }

        long tokenId() {
            return tokenId;
        }

        @Override
        public Object getCredentials() {
            return null; // the token itself is never kept
        }

        @Override
        public Object getPrincipal() {
            return principal;
        }
    }
}
