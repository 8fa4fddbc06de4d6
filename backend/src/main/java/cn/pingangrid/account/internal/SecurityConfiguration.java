package cn.pingangrid.account.internal;

import java.io.IOException;
import java.util.Map;

import java.time.Clock;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.slf4j.LoggerFactory;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.convert.ConversionService;
import org.springframework.core.convert.support.GenericConversionService;
import org.springframework.core.serializer.support.DeserializingConverter;
import org.springframework.core.serializer.support.SerializingConverter;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.security.authentication.CredentialsExpiredException;
import org.springframework.security.authentication.LockedException;
import org.springframework.security.authentication.dao.DaoAuthenticationProvider;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.crypto.factory.PasswordEncoderFactories;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.authentication.LoginUrlAuthenticationEntryPoint;
import org.springframework.security.web.csrf.CookieCsrfTokenRepository;
import org.springframework.security.web.csrf.CsrfException;
import org.springframework.core.annotation.Order;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.web.authentication.AnonymousAuthenticationFilter;
import org.springframework.security.web.context.RequestAttributeSecurityContextRepository;
import org.springframework.security.web.context.SecurityContextHolderFilter;
import org.springframework.security.web.util.matcher.RequestMatcher;
import org.springframework.transaction.support.TransactionTemplate;

import cn.pingangrid.audit.AuditTrail;
import org.springframework.security.web.header.writers.ReferrerPolicyHeaderWriter;
import org.springframework.security.web.servlet.util.matcher.PathPatternRequestMatcher;

import tools.jackson.databind.ObjectMapper;
import cn.pingangrid.account.Role;

/**
 * Session sign-in with CSRF protection (cookie token, sent back as a header by the page's scripts), problem+json
 * answers for the API, a sign-in page for the browser, and a Content-Security-Policy the map works under.
 */
@Configuration(proxyBeanMethods = false)
class SecurityConfiguration {

    /** No inline scripts anywhere; Leaflet sets inline styles, tiles come from the optional online base maps. */
    static final String CONTENT_SECURITY_POLICY = "default-src 'self'; script-src 'self'; "
            + "style-src 'self' 'unsafe-inline'; img-src 'self' data: https://*.tianditu.gov.cn "
            + "https://tile.openstreetmap.org; connect-src 'self'; font-src 'self'; object-src 'none'; "
            + "base-uri 'self'; form-action 'self'; frame-ancestors 'none'";

    @Bean
    SecurityFilterChain securityFilterChain(HttpSecurity http, ObjectMapper json, LoginLockout lockout)
            throws Exception {
        var api = PathPatternRequestMatcher.withDefaults().matcher("/api/**");
        var ogc = PathPatternRequestMatcher.withDefaults().matcher("/ogc/**");
        var apiDocs = PathPatternRequestMatcher.withDefaults().matcher("/api-docs/**");
        // a GIS client or script asking /ogc or /api-docs unsigned gets a 401 problem; a browser the sign-in page
        RequestMatcher ogcMachine = request -> (ogc.matches(request) || apiDocs.matches(request))
                && !wantsHtml(request);
        http.authorizeHttpRequests(auth -> auth
                .requestMatchers("/login.html", "/css/**", "/js/**", "/favicon.svg", "/favicon.ico", "/webjars/**",
                        "/error", "/api/csrf", "/actuator/health",
                        // the installable web app: its manifest and icons are fetched without the session cookie
                        "/manifest.webmanifest", "/icons/**", "/sw.js")
                .permitAll()
                .requestMatchers("/api/admin/**").hasRole(Role.ADMIN.name())
                .anyRequest().authenticated())
                .formLogin(form -> form.loginPage("/login.html").loginProcessingUrl("/api/login")
                        .successHandler((request, response, authentication) -> write(json, response, 200,
                                Map.of("username", authentication.getName())))
                        .failureHandler((request, response, exception) -> problem(json, response,
                                HttpStatus.UNAUTHORIZED, "登录失败", exception instanceof LockedException
                                        ? lockout.lockMessage() : "用户名或密码错误")))
                .logout(logout -> logout.logoutUrl("/api/logout")
                        .logoutSuccessHandler((request, response, authentication) -> response.setStatus(204)))
                .csrf(csrf -> csrf.spa().csrfTokenRepository(csrfCookie()))
                // a session ended by the administrator (its account changed or disabled): 401 problem for the API,
                // the sign-in page for a page, never Spring's plain-text 200
                .addFilterAfter(new EndedSessionFilter(api, (request, response) -> problem(json, response,
                        HttpStatus.UNAUTHORIZED, "会话已结束", "您的会话已结束（账户被修改或停用），请重新登录")),
                        SecurityContextHolderFilter.class)
                .exceptionHandling(errors -> errors
                        .defaultAuthenticationEntryPointFor((request, response, e) -> problem(json, response,
                                HttpStatus.UNAUTHORIZED, "未登录", "请先登录"), api)
                        .defaultAuthenticationEntryPointFor((request, response, e) -> {
                            response.setHeader("WWW-Authenticate", "Bearer realm=\"pingan-grid\"");
                            problem(json, response, HttpStatus.UNAUTHORIZED, "未登录",
                                    "请先登录，或在请求头中带上个人访问令牌：Authorization: Bearer <令牌>");
                        }, ogcMachine)
                        .defaultAuthenticationEntryPointFor(new LoginUrlAuthenticationEntryPoint("/login.html"),
                                request -> true)
                        .defaultAccessDeniedHandlerFor((request, response, e) -> problem(json, response,
                                HttpStatus.FORBIDDEN, "无权操作", e instanceof CsrfException
                                        ? "请求缺少有效的 CSRF 令牌，请刷新页面后重试" : "您的角色不能进行此操作"),
                                request -> true))
                .headers(headers -> headers
                        .contentSecurityPolicy(csp -> csp.policyDirectives(CONTENT_SECURITY_POLICY))
                        .referrerPolicy(r -> r.policy(ReferrerPolicyHeaderWriter.ReferrerPolicy.SAME_ORIGIN)));
        return http.build();
    }

    /**
     * Requests that carry a personal access token ({@code Authorization: Bearer} on {@code /api/**} or
     * {@code /ogc/**}) have a chain of their own, tried first: stateless (no session is read, created or written, so
     * a cookie can never carry a token's sign-in), no CSRF (a cross-site page cannot send an Authorization header,
     * and every write is refused anyway), the token's owner as the user, read-only ({@link TokenAuthentication}).
     * Browser requests never match it and keep the session chain below unchanged.
     */
    @Bean
    @Order(1)
    SecurityFilterChain tokenFilterChain(HttpSecurity http, ObjectMapper json, PersonalAccessTokens tokens,
            Accounts accounts, AuditTrail audit, TransactionTemplate transactions, Clock clock) throws Exception {
        TokenAuthentication.ProblemWriter problems = (response, status, title, detail) -> problem(json, response,
                status, title, detail);
        http.securityMatcher(TokenAuthentication::applies)
                .authorizeHttpRequests(auth -> auth.anyRequest().authenticated())
                .addFilterBefore(new TokenAuthentication(tokens, accounts, audit, transactions, clock, problems),
                        AnonymousAuthenticationFilter.class)
                .csrf(csrf -> csrf.disable())
                .sessionManagement(session -> session.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .securityContext(context -> context.securityContextRepository(
                        new RequestAttributeSecurityContextRepository()))
                .requestCache(cache -> cache.disable())
                .anonymous(anonymous -> anonymous.disable())
                .exceptionHandling(errors -> errors
                        .authenticationEntryPoint((request, response, e) -> problems.write(response,
                                HttpStatus.UNAUTHORIZED, "令牌无效", "请在请求头中带上有效的个人访问令牌"))
                        .accessDeniedHandler((request, response, e) -> problems.write(response, HttpStatus.FORBIDDEN,
                                "无权操作", "您的角色不能进行此操作")))
                .headers(headers -> headers
                        .contentSecurityPolicy(csp -> csp.policyDirectives(CONTENT_SECURITY_POLICY))
                        .referrerPolicy(r -> r.policy(ReferrerPolicyHeaderWriter.ReferrerPolicy.SAME_ORIGIN)));
        return http.build();
    }

    /** Whether a request asks for a page ({@code f=html}, or HTML before JSON in Accept), as a browser does. */
    static boolean wantsHtml(HttpServletRequest request) {
        String f = request.getParameter("f");
        if (f != null) {
            return f.equals("html");
        }
        String accept = request.getHeader("Accept");
        if (accept == null) {
            return false;
        }
        int html = accept.indexOf("text/html");
        int json = accept.indexOf("json");
        return html >= 0 && (json < 0 || html < json);
    }

    /**
     * The XSRF-TOKEN cookie as {@code csrf.spa()} makes it (readable by the page's scripts), plus SameSite=Lax
     * like the session cookie ({@code server.servlet.session.cookie.same-site}).
     */
    static CookieCsrfTokenRepository csrfCookie() {
        CookieCsrfTokenRepository repository = CookieCsrfTokenRepository.withHttpOnlyFalse();
        repository.setCookieCustomizer(cookie -> cookie.sameSite("Lax"));
        return repository;
    }

    /**
     * Password sign-in, with the lockout's last word: after the password matched, {@link LoginLockout#admit}
     * decides under the account's row lock whether wrong guesses locked it meanwhile.
     */
    @Bean
    DaoAuthenticationProvider authenticationProvider(UserDetailsService users, PasswordEncoder encoder,
            LoginLockout lockout) {
        DaoAuthenticationProvider provider = new DaoAuthenticationProvider(users);
        provider.setPasswordEncoder(encoder);
        provider.setPostAuthenticationChecks(user -> {
            if (!user.isCredentialsNonExpired()) {
                throw new CredentialsExpiredException("credentials expired");
            }
            lockout.admit(user.getUsername());
        });
        return provider;
    }

    @Bean
    PasswordEncoder passwordEncoder() {
        return PasswordEncoderFactories.createDelegatingPasswordEncoder(); // bcrypt, upgradable by prefix
    }

    /**
     * How Spring Session stores attributes: Java serialization, its default, except that an attribute written by
     * an older version whose classes no longer read back is dropped. The session then counts as signed out (a 401,
     * sign in again) instead of answering 500 on every request until it expires.
     */
    @Bean("springSessionConversionService")
    static ConversionService springSessionConversionService() {
        GenericConversionService conversion = new GenericConversionService();
        conversion.addConverter(Object.class, byte[].class, new SerializingConverter());
        DeserializingConverter deserializer = new DeserializingConverter(SecurityConfiguration.class.getClassLoader());
        conversion.addConverter(byte[].class, Object.class, bytes -> {
            try {
                return deserializer.convert(bytes);
            } catch (RuntimeException unreadable) {
                LoggerFactory.getLogger(SecurityConfiguration.class)
                        .info("a session attribute of an older version is dropped: {}", unreadable.getMessage());
                return null;
            }
        });
        return conversion;
    }

    private static void problem(ObjectMapper json, HttpServletResponse response, HttpStatus status, String title,
            String detail) throws IOException {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
        problem.setTitle(title);
        response.setStatus(status.value());
        response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
        response.setCharacterEncoding("UTF-8");
        json.writeValue(response.getOutputStream(), problem);
    }

    private static void write(ObjectMapper json, HttpServletResponse response, int status, Object body)
            throws IOException {
        response.setStatus(status);
        response.setContentType(MediaType.APPLICATION_JSON_VALUE);
        response.setCharacterEncoding("UTF-8");
        json.writeValue(response.getOutputStream(), body);
    }
}
