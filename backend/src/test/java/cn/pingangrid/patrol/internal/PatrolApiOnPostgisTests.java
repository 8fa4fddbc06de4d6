package cn.pingangrid.patrol.internal;

import cn.pingangrid.testsupport.PostgisTest;

@PostgisTest
class PatrolApiOnPostgisTests extends PatrolApiContract {
}
