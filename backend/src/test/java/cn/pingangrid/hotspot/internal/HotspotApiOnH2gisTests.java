package cn.pingangrid.hotspot.internal;

import cn.pingangrid.testsupport.H2gisTest;

@H2gisTest
class HotspotApiOnH2gisTests extends HotspotApiContract {
}
