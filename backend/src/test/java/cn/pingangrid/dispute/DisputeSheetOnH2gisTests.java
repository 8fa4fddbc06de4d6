package cn.pingangrid.dispute;

import cn.pingangrid.testsupport.H2gisTest;

@H2gisTest
class DisputeSheetOnH2gisTests extends DisputeSheetContract {
}
