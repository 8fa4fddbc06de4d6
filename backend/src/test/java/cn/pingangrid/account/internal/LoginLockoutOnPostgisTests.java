package cn.pingangrid.account.internal;

import cn.pingangrid.testsupport.PostgisTest;

@PostgisTest
class LoginLockoutOnPostgisTests extends LoginLockoutContract {
}
