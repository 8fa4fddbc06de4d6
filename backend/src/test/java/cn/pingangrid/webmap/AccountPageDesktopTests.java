package cn.pingangrid.webmap;

import org.junit.jupiter.api.extension.RegisterExtension;

import cn.pingangrid.testsupport.H2gisTest;
import cn.pingangrid.webmap.HeadlessChromium.Viewport;

@H2gisTest
class AccountPageDesktopTests extends AccountPageContract {

    @RegisterExtension
    static final SharedBrowser browser = new SharedBrowser(Viewport.DESKTOP);

    @Override
    SharedBrowser browser() {
        return browser;
    }
}
