package cn.pingangrid.border;

import cn.pingangrid.testsupport.PostgisTest;

@PostgisTest
class BorderApiOnPostgisTests extends BorderApiContract {
}
