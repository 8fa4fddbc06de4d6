package cn.pingangrid.border;

import cn.pingangrid.testsupport.H2gisTest;

@H2gisTest
class BorderApiOnH2gisTests extends BorderApiContract {
}
