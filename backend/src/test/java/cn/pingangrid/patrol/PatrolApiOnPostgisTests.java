package cn.pingangrid.patrol;

import cn.pingangrid.testsupport.PostgisTest;

@PostgisTest
class PatrolApiOnPostgisTests extends PatrolApiContract {
}
