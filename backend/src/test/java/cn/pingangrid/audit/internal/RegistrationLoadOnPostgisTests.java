package cn.pingangrid.audit.internal;

import cn.pingangrid.testsupport.PostgisTest;

@PostgisTest
class RegistrationLoadOnPostgisTests extends RegistrationLoadContract {
}
