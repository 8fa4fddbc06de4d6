package cn.pingangrid.dispute;

import cn.pingangrid.testsupport.H2gisTest;

@H2gisTest
class DisputeApiOnH2gisTests extends DisputeApiContract {
}
