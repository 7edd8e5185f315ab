package io.rapport.ingest;

/** A record cannot be used; carries the quarantine reason. Checked so adapters cannot forget it. */
public final class InvalidRecordException extends Exception {
    private final ReasonCode code;

    public InvalidRecordException(ReasonCode code, String message) {
        super(message, null, false, false);
        this.code = code;
    }

    public ReasonCode code() {
        return code;
    }
}
