package cn.pingangrid.account.internal;

import cn.pingangrid.testsupport.H2gisTest;

@H2gisTest
class LoginLockoutOnH2gisTests extends LoginLockoutContract {
}
