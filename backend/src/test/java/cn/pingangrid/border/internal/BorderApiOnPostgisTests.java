package cn.pingangrid.border.internal;

import cn.pingangrid.testsupport.PostgisTest;

@PostgisTest
class BorderApiOnPostgisTests extends BorderApiContract {
}
