package cn.pingangrid.audit.internal;

import cn.pingangrid.testsupport.H2gisTest;

@H2gisTest
class RegistrationLoadOnH2gisTests extends RegistrationLoadContract {
}
