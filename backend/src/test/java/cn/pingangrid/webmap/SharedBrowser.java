package cn.pingangrid.webmap;

import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

import cn.pingangrid.webmap.HeadlessChromium.Viewport;

/**
 * One headless Chromium per test class (it takes seconds to start): started before the class's first test,
 * closed after its last. Register it as a static field with {@code @RegisterExtension}.
 */
final class SharedBrowser implements BeforeAllCallback, AfterAllCallback {

    private final Viewport viewport;
    private HeadlessChromium browser;

    SharedBrowser(Viewport viewport) {
        this.viewport = viewport;
    }

    @Override
    public void beforeAll(ExtensionContext context) {
        browser = HeadlessChromium.start(viewport);
    }

    @Override
    public void afterAll(ExtensionContext context) {
        if (browser != null) {
            browser.close();
        }
    }

    HeadlessChromium get() {
        return browser;
    }
}
