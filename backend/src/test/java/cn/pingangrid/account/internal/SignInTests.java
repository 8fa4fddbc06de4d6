package cn.pingangrid.account.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.Set;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;

import cn.pingangrid.testsupport.BrowserCsrf;
import cn.pingangrid.testsupport.DemoUsers;
import cn.pingangrid.testsupport.H2gisTest;
import cn.pingangrid.account.Role;

/** Sign-in, lockout, CSRF, the entry points for page and API, and that no password reaches the log. */
@H2gisTest
@ExtendWith(OutputCaptureExtension.class)
class SignInTests {

    @Autowired
    MockMvc mvc;
    @Autowired
    Accounts accounts;
    @Autowired
    PasswordEncoder encoder;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    UserDetailsService users;

    ResultActions login(String username, String password) throws Exception {
        return mvc.perform(post("/api/login").param("username", username).param("password", password).with(BrowserCsrf.token()));
    }

    String newUser(String username, String password) {
        accounts.save(new UserAccount(username, "测试用户", encoder.encode(password), null, Set.of(Role.LEADER),
                Set.of()));
        return username;
    }

    @Test
    void rightPasswordSignsInAndIsAudited() throws Exception {
        login(DemoUsers.LEADER, DemoUsers.PASSWORD).andExpect(status().isOk())
                .andExpect(jsonPath("$.username").value(DemoUsers.LEADER));
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM audit_log WHERE action = 'LOGIN' AND username = ?",
                Long.class, DemoUsers.LEADER)).isPositive();
    }

    @Test
    void wrongPasswordIsA401ProblemThatDoesNotSayWhichPartWasWrong() throws Exception {
        login(DemoUsers.LEADER, "wrong-password-1").andExpect(status().isUnauthorized())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.detail").value("用户名或密码错误"));
        login("nobody-at-all", "wrong-password-1").andExpect(status().isUnauthorized())
                .andExpect(jsonPath("$.detail").value("用户名或密码错误"));
    }

    @Test
    void fiveWrongPasswordsLockTheAccountEvenAgainstTheRightOne() throws Exception {
        String user = newUser("locktest", "Right-pass-1");
        for (int i = 0; i < 5; i++) {
            login(user, "wrong-" + i).andExpect(status().isUnauthorized());
        }
        login(user, "Right-pass-1").andExpect(status().isUnauthorized())
                .andExpect(jsonPath("$.detail").value(org.hamcrest.Matchers.containsString("已临时锁定")));
        assertThat(accounts.findByUsername(user).orElseThrow().isLocked(java.time.Instant.now())).isTrue();
    }

    @Test
    void fewerFailuresThanTheLimitThenSuccessResetsTheCount() throws Exception {
        String user = newUser("resettest", "Right-pass-1");
        for (int i = 0; i < 4; i++) {
            login(user, "wrong-" + i).andExpect(status().isUnauthorized());
        }
        login(user, "Right-pass-1").andExpect(status().isOk());
        for (int i = 0; i < 4; i++) {
            login(user, "wrong-" + i).andExpect(status().isUnauthorized());
        }
        login(user, "Right-pass-1").andExpect(status().isOk());
    }

    @Test
    void loginWithoutCsrfTokenIsRefused() throws Exception {
        mvc.perform(post("/api/login").param("username", DemoUsers.LEADER).param("password", DemoUsers.PASSWORD))
                .andExpect(status().isForbidden())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.detail").value(org.hamcrest.Matchers.containsString("CSRF")));
    }

    @Test
    void changeWithoutCsrfTokenIsRefusedEvenWhenSignedIn() throws Exception {
        mvc.perform(post("/api/admin/users").with(DemoUsers.as(users, DemoUsers.ADMIN))
                .contentType(MediaType.APPLICATION_JSON).content("{}"))
                .andExpect(status().isForbidden());
    }

    @Test
    void csrfCookieIsIssuedForThePage() throws Exception {
        String setCookie = mvc.perform(get("/api/csrf")).andExpect(status().isOk()).andReturn().getResponse()
                .getHeader("Set-Cookie");
        assertThat(setCookie).startsWith("XSRF-TOKEN=").doesNotContain("HttpOnly");
    }

    @Test
    void apiWithoutLoginIsA401Problem() throws Exception {
        mvc.perform(get("/api/villages")).andExpect(status().isUnauthorized())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON));
    }

    @Test
    void pageWithoutLoginRedirectsToTheLoginPage() throws Exception {
        mvc.perform(get("/")).andExpect(status().is3xxRedirection())
                .andExpect(redirectedUrl("/login.html"));
    }

    @Test
    void pagesCarryAContentSecurityPolicyWithoutInlineScripts() throws Exception {
        String csp = mvc.perform(get("/login.html")).andReturn().getResponse().getHeader("Content-Security-Policy");
        assertThat(csp).contains("script-src 'self'").doesNotContain("script-src 'self' 'unsafe-inline'")
                .contains("frame-ancestors 'none'");
    }

    @Test
    void adminPathsAreForAdminOnly() throws Exception {
        mvc.perform(get("/api/admin/users").with(DemoUsers.as(users, DemoUsers.TOWN_OFFICE)))
                .andExpect(status().isForbidden())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON));
        mvc.perform(get("/api/admin/users").with(DemoUsers.as(users, DemoUsers.ADMIN)))
                .andExpect(status().isOk());
    }

    @Test
    void meTellsWhoIsSignedInAndTheirArea() throws Exception {
        mvc.perform(get("/api/me").with(DemoUsers.as(users, DemoUsers.VILLAGE_CADRE)))
                .andExpect(status().isOk()).andExpect(jsonPath("$.username").value(DemoUsers.VILLAGE_CADRE))
                .andExpect(jsonPath("$.roles[0].code").value("VILLAGE_CADRE"))
                .andExpect(jsonPath("$.area.wholeTown").value(false))
                .andExpect(jsonPath("$.area.villages.length()").value(1));
    }

    @Test
    void noPasswordEverReachesTheLog(CapturedOutput output) throws Exception {
        String secret = "Zx9-never-logged-42";
        String user = newUser("logtest", secret);
        login(user, secret).andExpect(status().isOk());
        login(user, secret + "x").andExpect(status().isUnauthorized());
        mvc.perform(post("/api/admin/users/" + accounts.findByUsername(user).orElseThrow().getId() + "/password")
                .with(DemoUsers.as(users, DemoUsers.ADMIN)).with(BrowserCsrf.token())
                .contentType(MediaType.APPLICATION_JSON).content("{\"password\":\"" + secret + "y1\"}"))
                .andExpect(status().isOk());
        assertThat(output.getAll()).doesNotContain(secret);
        assertThat(jdbc.queryForList("SELECT detail FROM audit_log WHERE detail IS NOT NULL", String.class))
                .noneMatch(d -> d.contains(secret));
    }

}
