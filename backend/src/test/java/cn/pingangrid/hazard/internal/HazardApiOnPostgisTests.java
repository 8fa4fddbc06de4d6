package cn.pingangrid.hazard.internal;

import cn.pingangrid.testsupport.PostgisTest;

@PostgisTest
class HazardApiOnPostgisTests extends HazardApiContract {
}
