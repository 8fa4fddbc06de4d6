package cn.pingangrid.hazard;

import cn.pingangrid.testsupport.H2gisTest;

@H2gisTest
class HazardApiOnH2gisTests extends HazardApiContract {
}
