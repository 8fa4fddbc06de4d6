package cn.pingangrid.hazard.internal;

import cn.pingangrid.testsupport.H2gisTest;

@H2gisTest
class HazardApiOnH2gisTests extends HazardApiContract {
}
