package cn.pingangrid.patrol;

import cn.pingangrid.testsupport.H2gisTest;

@H2gisTest
class PatrolApiOnH2gisTests extends PatrolApiContract {
}
