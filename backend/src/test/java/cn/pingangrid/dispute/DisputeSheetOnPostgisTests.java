package cn.pingangrid.dispute;

import cn.pingangrid.testsupport.PostgisTest;

@PostgisTest
class DisputeSheetOnPostgisTests extends DisputeSheetContract {
}
