package cn.pingangrid.patrol.internal;

import cn.pingangrid.testsupport.H2gisTest;

@H2gisTest
class PatrolApiOnH2gisTests extends PatrolApiContract {
}
