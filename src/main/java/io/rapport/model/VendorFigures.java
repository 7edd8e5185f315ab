package io.rapport.model;

import java.util.Objects;

/**
 * Figures a vendor's own analytics computed for the conversation, kept beside ours (never in place of them) so a
 * quality team can see where the two disagree. Any figure the vendor file lacks is null.
 *
 * @param source            the format that carried them, e.g. {@code transcribe-call-analytics}
 * @param interruptions     the vendor's interruption count
 * @param agentTalkMs       the vendor's agent talk time
 * @param customerTalkMs    the vendor's customer talk time
 * @param nonTalkMs         the vendor's silence (non-talk) time
 * @param durationMs        the vendor's conversation duration
 */
public record VendorFigures(String source, Integer interruptions, Long agentTalkMs, Long customerTalkMs,
                            Long nonTalkMs, Long durationMs) {

    public VendorFigures {
        Objects.requireNonNull(source, "source");
    }
}
