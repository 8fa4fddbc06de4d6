package cn.pingangrid.audit;

import cn.pingangrid.testsupport.PostgisTest;

@PostgisTest
class RegistrationLoadOnPostgisTests extends RegistrationLoadContract {
}
