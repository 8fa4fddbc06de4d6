package cn.pingangrid.scope;

import cn.pingangrid.testsupport.H2gisTest;

@H2gisTest
class ModuleScopingOnH2gisTests extends ModuleScopingContract {
}
