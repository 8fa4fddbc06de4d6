package cn.pingangrid.tile;

import cn.pingangrid.testsupport.H2gisTest;

@H2gisTest
class TileApiOnH2gisTests extends TileApiContract {
}
