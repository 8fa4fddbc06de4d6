package cn.pingangrid.sweep;

import java.time.LocalDate;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import cn.pingangrid.sweep.internal.SweepKind;
import cn.pingangrid.sweep.internal.Sweeps;

/** Whether the town filed its monthly sweep (镇每月组织一次矛盾纠纷排查): the module's read API for the monthly pack. */
@Service
@Transactional(readOnly = true)
public class TownSweeps {

    private final Sweeps sweeps;

    TownSweeps(Sweeps sweeps) {
        this.sweeps = sweeps;
    }

    /** Whether a town monthly sweep with its period in {@code from}..{@code to} is on file (in the caller's scope). */
    public boolean monthlyFiled(LocalDate from, LocalDate to) {
        return sweeps.filedBetween(from, to, false).stream().anyMatch(s -> s.kind() == SweepKind.TOWN_MONTHLY);
    }
}
