-- Issue 13: the 对接 channels bring cases into the town (they are now a dispute's source); referral codes name the
-- town's 三调联动 units (kept in the town) or the ways a case leaves it. Old referrals out of the town keep their
-- meaning under the new codes: to the county court = a lawsuit, to the petitions bureau = a petition upward, to
-- the procuratorate = a case sent to a county department.
UPDATE dispute SET referral_channel = 'LAWSUIT' WHERE referral_channel = 'COURT';
UPDATE dispute SET referral_channel = 'PETITION_UPWARD' WHERE referral_channel = 'PETITION';
UPDATE dispute SET referral_channel = 'COUNTY' WHERE referral_channel = 'PROCURATORATE';
