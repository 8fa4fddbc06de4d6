package cn.pingangrid.household.internal;

import cn.pingangrid.testsupport.H2gisTest;

@H2gisTest
class HouseholdApiOnH2gisTests extends HouseholdApiContract {
}
