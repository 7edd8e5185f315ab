package io.rapport.model;

import java.util.Optional;

/** Who produced an utterance. Only AGENT and CUSTOMER are parties to the conversation's turn-taking. */
public enum Speaker {
    AGENT, CUSTOMER, SYSTEM, BOT;

    public boolean isParty() {
        return this == AGENT || this == CUSTOMER;
    }

    /** The other party; only defined for AGENT and CUSTOMER. */
    public Speaker otherParty() {
        return switch (this) {
            case AGENT -> CUSTOMER;
            case CUSTOMER -> AGENT;
            default -> throw new IllegalStateException(this + " is not a party");
        };
    }

    public String code() {
        return Codes.of(this);
    }

    public static Optional<Speaker> fromCode(String code) {
        return Codes.parse(Speaker.class, code);
    }
}
