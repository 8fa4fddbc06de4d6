package cn.pingangrid.scope;

import java.util.function.Supplier;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs work of the system itself (start-up import, demo data, scheduled jobs) with the whole town in scope, on
 * this thread only, and only for a path named in {@link UnscopedPath}. A request never gets here: its scope comes
 * from the signed-in user.
 */
public final class SystemScope {

    private static final Logger log = LoggerFactory.getLogger(SystemScope.class);
    private static final ThreadLocal<UnscopedPath> CURRENT = new ThreadLocal<>();

    private SystemScope() {
    }

    public static <T> T call(UnscopedPath path, Supplier<T> work) {
        UnscopedPath outer = CURRENT.get();
        CURRENT.set(path);
        log.debug("unscoped path {} opened", path);
        try {
            return work.get();
        } finally {
            if (outer == null) {
                CURRENT.remove();
            } else {
                CURRENT.set(outer);
            }
        }
    }

    public static void run(UnscopedPath path, Runnable work) {
        call(path, () -> {
            work.run();
            return null;
        });
    }

    /** The unscoped path this thread is on, or null (the usual case: a request). */
    static UnscopedPath current() {
        return CURRENT.get();
    }
}
