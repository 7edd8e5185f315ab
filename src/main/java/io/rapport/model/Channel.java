package io.rapport.model;

import java.util.Locale;
import java.util.Optional;

/** How the conversation happened. Voice turns are timed intervals; chat and email messages are points in time. */
public enum Channel {
    VOICE, CHAT, EMAIL;

    public boolean isTimed() {
        return this == VOICE;
    }

    public String code() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** Case-insensitive lookup; empty for anything else. */
    public static Optional<Channel> fromCode(String code) {
        for (Channel c : values()) {
            if (c.code().equalsIgnoreCase(code.trim())) {
                return Optional.of(c);
            }
        }
        return Optional.empty();
    }
}
