package cn.pingangrid.patrol.internal;

import java.time.LocalDate;
import java.time.LocalTime;

import cn.pingangrid.system.Coded;

/** A shift: the day, when it starts, how long it lasts, how the officer moves, and where it starts and ends. */
record Shift(LocalDate date, LocalTime start, int lengthMinutes, TravelMode mode, Base base) {

    /** Where a shift starts and ends: the village committee or the 派出所. */
    enum Base implements Coded {
        VILLAGE("村委会"),
        POLICE("派出所");

        private final String label;

        Base(String label) {
            this.label = label;
        }

        @Override
        public String label() {
            return label;
        }
    }
}
