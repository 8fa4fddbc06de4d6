package cn.pingangrid.testsupport;

import java.util.UUID;

import jakarta.servlet.http.Cookie;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

/**
 * Sends a CSRF token the way the page does: the same value in the XSRF-TOKEN cookie and the X-XSRF-TOKEN
 * header. Unlike Spring Security's {@code csrf()} post-processor this leaves the shared filter chain alone, so
 * the real server of the same test context keeps issuing real cookies.
 */
public final class BrowserCsrf {

    private BrowserCsrf() {
    }

    public static RequestPostProcessor token() {
        return request -> {
            String value = UUID.randomUUID().toString();
            request.setCookies(new Cookie("XSRF-TOKEN", value));
            request.addHeader("X-XSRF-TOKEN", value);
            return request;
        };
    }
}
