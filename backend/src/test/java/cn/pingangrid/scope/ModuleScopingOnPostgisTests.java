package cn.pingangrid.scope;

import cn.pingangrid.testsupport.PostgisTest;

@PostgisTest
class ModuleScopingOnPostgisTests extends ModuleScopingContract {
}
