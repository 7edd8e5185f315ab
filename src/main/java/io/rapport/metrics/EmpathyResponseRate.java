package io.rapport.metrics;

import io.rapport.analysis.AnalyzedConversation;

/**
 * Of the customer's turns that ask for empathy — complaint language, or a negative sentiment score where sentiment
 * was scored — the share the agent answered with an empathy statement within their next two turns (the agent
 * utterances before the customer's second non-backchannel utterance after it). Null when no customer turn asked.
 * The two counts are found once per conversation by the language detectors.
 */
final class EmpathyResponseRate extends ConversationMetric {
    /** Which of the two counts an {@link EmpathyResponseRate.Count} metric reports. */
    enum Part { REQUESTS, RESPONSES }

    /** The rate's numerator or denominator as a column of its own, so aggregates can add them up. */
    static final class Count extends ConversationMetric {
        private final Part part;

        Count(Part part) {
            super(part == Part.REQUESTS ? "empathy_requests" : "empathy_responses", MetricType.LONG, "utterances",
                    Scope.ALL_CHANNELS);
            this.part = part;
        }

        @Override
        protected Object value(AnalyzedConversation c) {
            return (long) (part == Part.REQUESTS ? c.language().empathyRequests() : c.language().empathyResponses());
        }
    }

    EmpathyResponseRate() {
        super("empathy_response_rate", MetricType.DOUBLE, "share 0-1", Scope.ALL_CHANNELS);
    }

    @Override
    public Aggregation aggregation() {
        return Aggregation.ratio("empathy_responses", 1, "empathy_requests");
    }

    @Override
    protected Object value(AnalyzedConversation c) {
        int requests = c.language().empathyRequests();
        return requests == 0 ? null : (double) c.language().empathyResponses() / requests;
    }
}
