package cn.pingangrid.dispute.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;

import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;

import javax.imageio.ImageIO;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.web.servlet.MockMvc;

import cn.pingangrid.testsupport.BrowserCsrf;
import cn.pingangrid.testsupport.DemoUsers;

/** A dispute's photo: stored, read back by those who may read the dispute, refused when it is not an image. */
abstract class DisputePhotoContract {

    @Autowired
    MockMvc mvc;
    @Autowired
    UserDetailsService users;

    DisputeFixtures f;

    @BeforeEach
    void fixtures() {
        f = new DisputeFixtures(mvc, users);
    }

    @Test
    void aPhotoIsStoredReadBackInItsScopeAndReplacedWhenSentAgain() throws Exception {
        long id = f.register(DemoUsers.GRID_MANAGER, DisputeFixtures.body(DisputeFixtures.pointIn(f.ownGrid, 70),
                "NEIGHBOURS", "ORDINARY")).get("id").asLong();
        assertThat(DisputeFixtures.read(f.get(DemoUsers.GRID_MANAGER, "/api/disputes/" + id)).get("photo").isNull())
                .isTrue();
        byte[] jpeg = jpeg(64);
        assertThat(upload(DemoUsers.GRID_MANAGER, id, "image/jpeg", jpeg).getStatus()).isEqualTo(204);
        MockHttpServletResponse read = f.get(DemoUsers.TOWN_OFFICE, "/api/disputes/" + id + "/photo");
        assertThat(read.getStatus()).isEqualTo(200);
        assertThat(read.getContentType()).isEqualTo("image/jpeg");
        assertThat(read.getContentAsByteArray()).isEqualTo(jpeg);
        assertThat(DisputeFixtures.read(f.get(DemoUsers.GRID_MANAGER, "/api/disputes/" + id)).get("photo").asString())
                .isEqualTo("api/disputes/" + id + "/photo");

        byte[] again = jpeg(32);
        assertThat(upload(DemoUsers.GRID_MANAGER, id, "image/jpeg", again).getStatus()).isEqualTo(204);
        assertThat(f.get(DemoUsers.GRID_MANAGER, "/api/disputes/" + id + "/photo").getContentAsByteArray())
                .isEqualTo(again);
    }

    @Test
    void notAnImageOutOfScopeOrTooLargeIsRefused() throws Exception {
        long id = f.register(DemoUsers.GRID_MANAGER, DisputeFixtures.body(DisputeFixtures.pointIn(f.ownGrid, 71),
                "WAGES", "ORDINARY")).get("id").asLong();
        MockHttpServletResponse fake = upload(DemoUsers.GRID_MANAGER, id, "image/jpeg", "不是图片".getBytes());
        assertThat(fake.getStatus()).isEqualTo(400);
        assertThat(DisputeFixtures.invalidParam(DisputeFixtures.read(fake))).isEqualTo("photo");
        byte[] huge = new byte[DisputePhotos.MAX_BYTES + 1];
        huge[0] = (byte) 0xff;
        huge[1] = (byte) 0xd8;
        huge[2] = (byte) 0xff;
        assertThat(upload(DemoUsers.GRID_MANAGER, id, "image/jpeg", huge).getStatus()).isEqualTo(413);
        assertThat(upload(DemoUsers.LEADER, id, "image/jpeg", jpeg(16)).getStatus()).isEqualTo(403);
        long foreign = f.register(DemoUsers.TOWN_OFFICE, DisputeFixtures.body(DisputeFixtures.pointIn(f.foreignGrid, 1),
                "WAGES", "ORDINARY")).get("id").asLong();
        assertThat(upload(DemoUsers.GRID_MANAGER, foreign, "image/jpeg", jpeg(16)).getStatus()).isEqualTo(404);
        assertThat(f.get(DemoUsers.GRID_MANAGER, "/api/disputes/" + id + "/photo").getStatus()).isEqualTo(404);
    }

    private MockHttpServletResponse upload(String user, long id, String type, byte[] bytes) throws Exception {
        return mvc.perform(put("/api/disputes/" + id + "/photo").with(DemoUsers.as(users, user))
                .with(BrowserCsrf.token()).contentType(type).content(bytes)).andReturn().getResponse();
    }

    static byte[] jpeg(int size) throws Exception {
        BufferedImage image = new BufferedImage(size, size, BufferedImage.TYPE_INT_RGB);
        image.setRGB(size / 2, size / 2, 0xc92a2a);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ImageIO.write(image, "jpg", out);
        return out.toByteArray();
    }
}
