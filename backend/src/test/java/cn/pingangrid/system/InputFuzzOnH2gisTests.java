package cn.pingangrid.system;

import cn.pingangrid.testsupport.H2gisTest;

@H2gisTest
class InputFuzzOnH2gisTests extends InputFuzzContract {
}
