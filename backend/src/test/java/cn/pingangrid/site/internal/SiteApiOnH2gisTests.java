package cn.pingangrid.site.internal;

import cn.pingangrid.testsupport.H2gisTest;

@H2gisTest
class SiteApiOnH2gisTests extends SiteApiContract {
}
