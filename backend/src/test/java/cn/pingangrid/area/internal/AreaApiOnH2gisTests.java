package cn.pingangrid.area.internal;

import cn.pingangrid.testsupport.H2gisTest;

@H2gisTest
class AreaApiOnH2gisTests extends AreaApiContract {
}
