package cn.pingangrid.site.internal;

import cn.pingangrid.testsupport.PostgisTest;

@PostgisTest
class SiteApiOnPostgisTests extends SiteApiContract {
}
