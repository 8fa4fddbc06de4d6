package cn.pingangrid.dispute;

import cn.pingangrid.testsupport.H2gisTest;

@H2gisTest
class DisputePhotoOnH2gisTests extends DisputePhotoContract {
}
