package cn.pingangrid.dispute;

import cn.pingangrid.testsupport.PostgisTest;

@PostgisTest
class DisputeIdempotencyOnPostgisTests extends DisputeIdempotencyContract {
}
