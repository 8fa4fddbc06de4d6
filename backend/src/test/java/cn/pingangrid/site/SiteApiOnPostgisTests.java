package cn.pingangrid.site;

import cn.pingangrid.testsupport.PostgisTest;

@PostgisTest
class SiteApiOnPostgisTests extends SiteApiContract {
}
