package cn.pingangrid.household.internal;

import cn.pingangrid.testsupport.PostgisTest;

@PostgisTest
class HouseholdApiOnPostgisTests extends HouseholdApiContract {
}
