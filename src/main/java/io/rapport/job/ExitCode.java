package io.rapport.job;

/** What a scheduler sees (documented in jobs/README.md). */
public enum ExitCode {
    OK(0),
    FAILED(1),
    USAGE(2),
    INPUT_MISSING(3),
    WAREHOUSE_UNUSABLE(4),
    NOT_RECONCILED(5),
    LOCKED(7);

    public final int code;

    ExitCode(int code) {
        this.code = code;
    }
}
