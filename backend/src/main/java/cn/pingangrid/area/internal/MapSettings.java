package cn.pingangrid.area.internal;

import org.springframework.boot.context.properties.ConfigurationProperties;

/** Which online base layers the map may offer; none by default, so the map works with no internet at all. */
@ConfigurationProperties("pingan.map")
record MapSettings(String tiandituKey, boolean openstreetmap) {
}
