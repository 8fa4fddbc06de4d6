package cn.pingangrid.area;

import cn.pingangrid.testsupport.PostgisTest;

@PostgisTest
class AreaScopingOnPostgisTests extends AreaScopingContract {
}
