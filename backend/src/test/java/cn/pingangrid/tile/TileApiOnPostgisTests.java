package cn.pingangrid.tile;

import cn.pingangrid.testsupport.PostgisTest;

@PostgisTest
class TileApiOnPostgisTests extends TileApiContract {
}
