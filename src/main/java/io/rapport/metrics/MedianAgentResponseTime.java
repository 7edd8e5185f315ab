package io.rapport.metrics;

import io.rapport.analysis.AnalyzedConversation;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/** Chat/email: median of the customer's answered waits (mean of the middle two for an even count). */
final class MedianAgentResponseTime extends ConversationMetric {
    MedianAgentResponseTime() {
        super("median_agent_response_ms", MetricType.DOUBLE, "ms", Scope.TEXT);
    }

    /** Medians do not add up; aggregates leave this metric out (first_response_ms has a mean). */
    @Override
    public Aggregation aggregation() {
        return Aggregation.NONE;
    }

    @Override
    protected Object value(AnalyzedConversation c) {
        List<Long> waits = new ArrayList<>(c.responseWaits());
        if (waits.isEmpty()) {
            return null;
        }
        Collections.sort(waits);
        int n = waits.size();
        return n % 2 == 1 ? (double) waits.get(n / 2) : (waits.get(n / 2 - 1) + waits.get(n / 2)) / 2.0;
    }
}
