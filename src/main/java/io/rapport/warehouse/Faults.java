package io.rapport.warehouse;

import java.util.function.Consumer;

/**
 * Named points in a run where a kill would hurt most (during read, during each table's write, between tables,
 * inside publish). Production never sets a hook; the fault tests set one that stops the run there, as a kill
 * would, to prove that re-running the night gives exactly the output of an uninterrupted run.
 */
public final class Faults {

    private static volatile Consumer<String> hook;

    private Faults() {
    }

    public static void reached(String point) {
        Consumer<String> h = hook;
        if (h != null) {
            h.accept(point);
        }
    }

    /** For tests: the hook called at every point (null to remove). */
    public static void setHook(Consumer<String> h) {
        hook = h;
    }
}
