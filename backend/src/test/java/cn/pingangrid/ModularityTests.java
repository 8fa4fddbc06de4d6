package cn.pingangrid;

import org.junit.jupiter.api.Test;
import org.springframework.modulith.core.ApplicationModules;

/** The module structure is a test: no cycles, no reaching into another module's internals. */
class ModularityTests {

    @Test
    void modulesRespectTheirBoundaries() {
        ApplicationModules.of(PinganGridApplication.class).verify();
    }
}
