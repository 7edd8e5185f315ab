package io.rapport.metrics;

import io.rapport.model.Channel;

/** Which channels a metric is defined for; elsewhere it is null, never 0. */
public enum Scope {
    ALL_CHANNELS, VOICE, TEXT;

    boolean covers(Channel c) {
        return switch (this) {
            case ALL_CHANNELS -> true;
            case VOICE -> c.isTimed();
            case TEXT -> !c.isTimed();
        };
    }
}
