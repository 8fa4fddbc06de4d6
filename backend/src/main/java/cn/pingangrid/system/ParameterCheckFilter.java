package cn.pingangrid.system;

import java.io.IOException;
import java.util.Map;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.boot.security.autoconfigure.web.servlet.SecurityFilterProperties;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.web.filter.OncePerRequestFilter;

import tools.jackson.databind.ObjectMapper;

/**
 * Refuses a request whose query or form parameters (names or values) hold text {@link Texts#fault} objects to —
 * a NUL ({@code %00}) or an unpaired surrogate — with a 400 problem naming the parameter, before any controller
 * sees it. Runs after the security filters: the sign-in form is checked by the sign-in itself, which audits the
 * attempt.
 */
class ParameterCheckFilter extends OncePerRequestFilter {

    private final ObjectMapper json;

    ParameterCheckFilter(ObjectMapper json) {
        this.json = json;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        for (Map.Entry<String, String[]> parameter : request.getParameterMap().entrySet()) {
            String name = parameter.getKey();
            String fault = Texts.fault(name);
            for (int i = 0; fault == null && i < parameter.getValue().length; i++) {
                fault = Texts.fault(parameter.getValue()[i]);
            }
            if (fault != null) {
                ProblemDetail problem = new InvalidInputException(Texts.quote(name), fault).getBody();
                response.setStatus(400);
                response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
                response.setCharacterEncoding("UTF-8");
                json.writeValue(response.getOutputStream(), problem);
                return;
            }
        }
        chain.doFilter(request, response);
    }

    @Configuration(proxyBeanMethods = false)
    static class Registration {

        @Bean
        FilterRegistrationBean<ParameterCheckFilter> parameterCheckFilter(ObjectMapper json) {
            FilterRegistrationBean<ParameterCheckFilter> registration = new FilterRegistrationBean<>(
                    new ParameterCheckFilter(json));
            registration.setOrder(SecurityFilterProperties.DEFAULT_FILTER_ORDER + 10);
            registration.addUrlPatterns("/api/*", "/ogc", "/ogc/*");
            return registration;
        }
    }
}
