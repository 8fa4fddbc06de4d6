package cn.pingangrid.account;

import cn.pingangrid.testsupport.PostgisTest;

@PostgisTest
class LoginLockoutOnPostgisTests extends LoginLockoutContract {
}
