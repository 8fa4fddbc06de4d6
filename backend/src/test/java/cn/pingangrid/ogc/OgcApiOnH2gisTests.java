package cn.pingangrid.ogc;

import cn.pingangrid.testsupport.H2gisTest;

@H2gisTest
class OgcApiOnH2gisTests extends OgcApiContract {
}
