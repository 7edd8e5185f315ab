package io.rapport.pipeline;

import java.time.LocalDate;
import java.util.List;

/**
 * Single-conversation resolution over the nights a run recomputed, overall and per channel, for the summary.
 *
 * @param from first night recomputed (the run's night minus the window)
 * @param to   the run's night
 */
public record ResolutionSummary(LocalDate from, LocalDate to, int windowDays, List<Line> lines) {

    /**
     * @param finalRated    final rows with a customer id (the rate's denominator)
     * @param finalResolved of those, single-conversation resolved
     */
    public record Line(String dimension, String key, long conversations, long provisional, long withoutCustomerId,
                       long finalRated, long finalResolved, long provisionalRated, long provisionalResolved,
                       long withTranscriptVerdict, long resolvedInTranscript) {

        /** Null while no row is final. */
        public Double rate() {
            return finalRated == 0 ? null : (double) finalResolved / finalRated;
        }

        /** The rate so far among provisional rows: it can only fall as repeat contacts arrive. */
        public Double interimRate() {
            return provisionalRated == 0 ? null : (double) provisionalResolved / provisionalRated;
        }

        public double provisionalShare() {
            return conversations == 0 ? 0 : (double) provisional / conversations;
        }

        public Double inTranscriptRate() {
            return withTranscriptVerdict == 0 ? null : (double) resolvedInTranscript / withTranscriptVerdict;
        }
    }
}
