package cn.pingangrid.dispute.internal;

import cn.pingangrid.testsupport.PostgisTest;

@PostgisTest
class KpiAndSweepOnPostgisTests extends KpiAndSweepContract {
}
