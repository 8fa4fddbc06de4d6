package cn.pingangrid.dispute.internal;

import cn.pingangrid.testsupport.PostgisTest;

@PostgisTest
class DisputeSheetOnPostgisTests extends DisputeSheetContract {
}
