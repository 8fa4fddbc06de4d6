package cn.pingangrid.hotspot;

import cn.pingangrid.testsupport.PostgisTest;

@PostgisTest
class HotspotApiOnPostgisTests extends HotspotApiContract {
}
