package cn.pingangrid.audit;

import cn.pingangrid.testsupport.H2gisTest;

@H2gisTest
class RegistrationLoadOnH2gisTests extends RegistrationLoadContract {
}
