package cn.pingangrid.hotspot.internal;

import cn.pingangrid.testsupport.PostgisTest;

@PostgisTest
class HotspotApiOnPostgisTests extends HotspotApiContract {
}
