package cn.pingangrid.webmap;

import org.junit.jupiter.api.extension.RegisterExtension;

import cn.pingangrid.testsupport.H2gisTest;
import cn.pingangrid.webmap.HeadlessChromium.Viewport;

@H2gisTest
class AccountPagePhoneTests extends AccountPageContract {

    @RegisterExtension
    static final SharedBrowser browser = new SharedBrowser(Viewport.PHONE);

    @Override
    SharedBrowser browser() {
        return browser;
    }
}
