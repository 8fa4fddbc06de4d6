package cn.pingangrid.system;

import cn.pingangrid.testsupport.PostgisTest;

@PostgisTest
class InputFuzzOnPostgisTests extends InputFuzzContract {
}
