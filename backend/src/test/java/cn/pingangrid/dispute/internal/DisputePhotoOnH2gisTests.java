package cn.pingangrid.dispute.internal;

import cn.pingangrid.testsupport.H2gisTest;

@H2gisTest
class DisputePhotoOnH2gisTests extends DisputePhotoContract {
}
