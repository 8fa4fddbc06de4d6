package cn.pingangrid.dispute.internal;

import cn.pingangrid.testsupport.H2gisTest;

@H2gisTest
class DisputeApiOnH2gisTests extends DisputeApiContract {
}
