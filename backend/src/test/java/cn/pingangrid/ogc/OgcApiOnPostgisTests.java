package cn.pingangrid.ogc;

import cn.pingangrid.testsupport.PostgisTest;

@PostgisTest
class OgcApiOnPostgisTests extends OgcApiContract {
}
