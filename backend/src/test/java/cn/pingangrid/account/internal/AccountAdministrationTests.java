package cn.pingangrid.account.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.patch;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;

import cn.pingangrid.testsupport.BrowserCsrf;
import cn.pingangrid.testsupport.DemoUsers;
import cn.pingangrid.testsupport.H2gisTest;
import cn.pingangrid.testsupport.TownDataset;

/** Creating users, assigning areas, resetting passwords and disabling, through the admin API. */
@H2gisTest
class AccountAdministrationTests {

    @Autowired
    MockMvc mvc;
    @Autowired
    UserDetailsService users;
    @Autowired
    Accounts accounts;
    @Autowired
    JdbcTemplate jdbc;

    final String grid = TownDataset.read("grids").get(20).code();

    ResultActions create(String body) throws Exception {
        return mvc.perform(post("/api/admin/users").with(DemoUsers.as(users, DemoUsers.ADMIN)).with(BrowserCsrf.token())
                .contentType(MediaType.APPLICATION_JSON).content(body));
    }

    ResultActions login(String username, String password) throws Exception {
        return mvc.perform(post("/api/login").param("username", username).param("password", password).with(BrowserCsrf.token()));
    }

    @Test
    void createdGridManagerSeesOnlyTheAssignedGrid() throws Exception {
        create("""
                {"username":"gm-created","displayName":"新网格员","password":"Grid-pass-1",
                 "roles":["GRID_MANAGER"],"areas":["%s"]}""".formatted(grid))
                .andExpect(status().isCreated()).andExpect(jsonPath("$.areas[0]").value(grid));
        String body = mvc.perform(get("/api/grids").with(DemoUsers.as(users, "gm-created"))).andReturn()
                .getResponse().getContentAsString();
        assertThat(body).contains(grid);
        assertThat(com.jayway.jsonpath.JsonPath.<Integer>read(body, "$.features.length()")).isEqualTo(1);
        login("gm-created", "Grid-pass-1").andExpect(status().isOk());
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM audit_log WHERE action = 'CREATE' AND object_id = ?",
                Long.class, "gm-created")).isEqualTo(1);
    }

    @Test
    void unknownRoleIsA400NamingRolesAndCreatesNothing() throws Exception {
        create("""
                {"username":"bad-role","displayName":"x","password":"Good-pass-1","roles":["KING"],"areas":[]}""")
                .andExpect(status().isBadRequest())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$['invalid-params'][0].name").value("roles"));
        assertThat(accounts.existsByUsername("bad-role")).isFalse();
    }

    @Test
    void unknownAreaIsA400NamingAreas() throws Exception {
        create("""
                {"username":"bad-area","displayName":"x","password":"Good-pass-1","roles":["GRID_MANAGER"],
                 "areas":["43092211799901"]}""")
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$['invalid-params'][0].name").value("areas"));
        assertThat(accounts.existsByUsername("bad-area")).isFalse();
    }

    @Test
    void gridManagerWithoutAGridIsRefused() throws Exception {
        create("""
                {"username":"no-grid","displayName":"x","password":"Good-pass-1","roles":["GRID_MANAGER"],"areas":[]}""")
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$['invalid-params'][0].name").value("areas"));
    }

    @Test
    void weakPasswordIsA400NamingPassword() throws Exception {
        create("""
                {"username":"weak-pass","displayName":"x","password":"short","roles":["LEADER"]}""")
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$['invalid-params'][0].name").value("password"));
    }

    @Test
    void duplicateUsernameIsA409() throws Exception {
        create("""
                {"username":"%s","displayName":"x","password":"Good-pass-1","roles":["LEADER"]}"""
                .formatted(DemoUsers.LEADER)).andExpect(status().isConflict())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON));
    }

    @Test
    void disabledUserCannotSignIn() throws Exception {
        create("""
                {"username":"to-disable","displayName":"x","password":"Good-pass-1","roles":["LEADER"]}""")
                .andExpect(status().isCreated());
        long id = accounts.findByUsername("to-disable").orElseThrow().getId();
        mvc.perform(patch("/api/admin/users/" + id).with(DemoUsers.as(users, DemoUsers.ADMIN)).with(BrowserCsrf.token())
                .contentType(MediaType.APPLICATION_JSON).content("{\"enabled\":false}"))
                .andExpect(status().isOk()).andExpect(jsonPath("$.enabled").value(false));
        login("to-disable", "Good-pass-1").andExpect(status().isUnauthorized());
    }

    @Test
    void passwordResetReplacesTheOldPasswordAndLiftsALock() throws Exception {
        create("""
                {"username":"to-reset","displayName":"x","password":"Old-pass-1","roles":["LEADER"]}""")
                .andExpect(status().isCreated());
        for (int i = 0; i < 5; i++) {
            login("to-reset", "wrong-" + i);
        }
        long id = accounts.findByUsername("to-reset").orElseThrow().getId();
        mvc.perform(post("/api/admin/users/" + id + "/password").with(DemoUsers.as(users, DemoUsers.ADMIN))
                .with(BrowserCsrf.token()).contentType(MediaType.APPLICATION_JSON).content("{\"password\":\"New-pass-2\"}"))
                .andExpect(status().isOk()).andExpect(jsonPath("$.locked").value(false));
        login("to-reset", "Old-pass-1").andExpect(status().isUnauthorized());
        login("to-reset", "New-pass-2").andExpect(status().isOk());
    }

    @Test
    void auditLogIsReadableByAdminAndRecordsWhoAndFromWhere() throws Exception {
        login(DemoUsers.LEADER, DemoUsers.PASSWORD).andExpect(status().isOk());
        mvc.perform(get("/api/admin/audit?username=" + DemoUsers.LEADER).with(DemoUsers.as(users, DemoUsers.ADMIN)))
                .andExpect(status().isOk()).andExpect(jsonPath("$[0].username").value(DemoUsers.LEADER))
                .andExpect(jsonPath("$[0].remoteAddr").isNotEmpty());
        mvc.perform(get("/api/admin/audit?limit=0").with(DemoUsers.as(users, DemoUsers.ADMIN)))
                .andExpect(status().isBadRequest());
    }
}
