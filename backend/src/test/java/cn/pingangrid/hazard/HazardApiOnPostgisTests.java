package cn.pingangrid.hazard;

import cn.pingangrid.testsupport.PostgisTest;

@PostgisTest
class HazardApiOnPostgisTests extends HazardApiContract {
}
