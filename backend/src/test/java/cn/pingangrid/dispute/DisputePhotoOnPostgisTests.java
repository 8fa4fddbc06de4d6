package cn.pingangrid.dispute;

import cn.pingangrid.testsupport.PostgisTest;

@PostgisTest
class DisputePhotoOnPostgisTests extends DisputePhotoContract {
}
