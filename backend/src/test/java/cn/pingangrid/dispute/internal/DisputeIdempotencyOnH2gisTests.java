package cn.pingangrid.dispute.internal;

import cn.pingangrid.testsupport.H2gisTest;

@H2gisTest
class DisputeIdempotencyOnH2gisTests extends DisputeIdempotencyContract {
}
