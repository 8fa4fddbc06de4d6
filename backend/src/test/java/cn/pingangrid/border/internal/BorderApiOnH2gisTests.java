package cn.pingangrid.border.internal;

import cn.pingangrid.testsupport.H2gisTest;

@H2gisTest
class BorderApiOnH2gisTests extends BorderApiContract {
}
