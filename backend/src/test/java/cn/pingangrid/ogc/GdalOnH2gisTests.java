package cn.pingangrid.ogc;

import cn.pingangrid.testsupport.H2gisTest;

@H2gisTest
class GdalOnH2gisTests extends GdalContract {
}
