package cn.pingangrid.area;

import cn.pingangrid.testsupport.H2gisTest;

@H2gisTest
class AreaScopingOnH2gisTests extends AreaScopingContract {
}
