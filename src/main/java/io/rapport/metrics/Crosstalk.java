package io.rapport.metrics;

import io.rapport.analysis.AnalyzedConversation;
import io.rapport.model.Speaker;

/** Time agent and customer spoke at once, whether or not it counted as an interruption. */
final class Crosstalk extends ConversationMetric {
    Crosstalk() {
        super("crosstalk_ms", MetricType.LONG, "ms", Scope.VOICE);
    }

    @Override
    protected Object value(AnalyzedConversation c) {
        return c.timeline().overlapMs(Speaker.AGENT, Speaker.CUSTOMER);
    }
}
