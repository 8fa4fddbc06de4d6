package cn.pingangrid.account.internal;

import java.io.IOException;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;

import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.web.util.matcher.RequestMatcher;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Ends a session the administrator marked {@link SessionStorage#ENDED}: the session is removed and the request
 * answered as signed out — a 401 problem for the API, the sign-in page for a page. It reads the mark from the session
 * the request loads anyway, so a request costs no second session read (Spring Security's concurrent-session filter,
 * used before, read the row again through its registry).
 */
final class EndedSessionFilter extends OncePerRequestFilter {

    interface Answer {
        void write(HttpServletRequest request, HttpServletResponse response) throws IOException;
    }

    private final RequestMatcher api;
    private final Answer apiAnswer;

    EndedSessionFilter(RequestMatcher api, Answer apiAnswer) {
        this.api = api;
        this.apiAnswer = apiAnswer;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        HttpSession session = request.getSession(false);
        if (session == null || !Boolean.TRUE.equals(session.getAttribute(SessionStorage.ENDED))) {
            chain.doFilter(request, response);
            return;
        }
        session.invalidate();
        SecurityContextHolder.clearContext();
        if (api.matches(request)) {
            apiAnswer.write(request, response);
        } else {
            response.sendRedirect(request.getContextPath() + "/login.html");
        }
    }
}
