package io.rapport.metrics;

import io.rapport.analysis.AnalyzedConversation;

/** Chat/email: the customer's first wait for an agent reply; null when it was never answered. */
final class FirstResponseTime extends ConversationMetric {
    FirstResponseTime() {
        super("first_response_ms", MetricType.LONG, "ms", Scope.TEXT);
    }

    /** A mean of first waits, not a sum: each conversation has one first wait. */
    @Override
    public Aggregation aggregation() {
        return Aggregation.MEAN;
    }

    @Override
    protected Object value(AnalyzedConversation c) {
        return c.responseWaits().isEmpty() ? null : c.responseWaits().get(0);
    }
}
