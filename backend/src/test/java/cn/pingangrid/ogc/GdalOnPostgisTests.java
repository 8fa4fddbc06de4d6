package cn.pingangrid.ogc;

import cn.pingangrid.testsupport.PostgisTest;

@PostgisTest
class GdalOnPostgisTests extends GdalContract {
}
