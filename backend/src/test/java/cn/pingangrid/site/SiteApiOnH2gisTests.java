package cn.pingangrid.site;

import cn.pingangrid.testsupport.H2gisTest;

@H2gisTest
class SiteApiOnH2gisTests extends SiteApiContract {
}
