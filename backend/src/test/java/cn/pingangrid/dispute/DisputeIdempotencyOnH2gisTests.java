package cn.pingangrid.dispute;

import cn.pingangrid.testsupport.H2gisTest;

@H2gisTest
class DisputeIdempotencyOnH2gisTests extends DisputeIdempotencyContract {
}
