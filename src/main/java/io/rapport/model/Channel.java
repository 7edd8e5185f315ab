package io.rapport.model;

import java.util.Optional;

/** How the conversation happened. Voice turns are timed intervals; chat and email messages are points in time. */
public enum Channel {
    VOICE, CHAT, EMAIL;

    public boolean isTimed() {
        return this == VOICE;
    }

    public String code() {
        return Codes.of(this);
    }

    /** Case-insensitive lookup; empty for anything else. */
    public static Optional<Channel> fromCode(String code) {
        return Codes.parse(Channel.class, code);
    }
}
