package io.rapport.metrics;

import io.rapport.analysis.AnalyzedConversation;

/**
 * The transcript's own verdict: true when the latest resolution signal is the customer confirming the fix,
 * false when it is an unresolved signal (escalation, callback, transfer, still broken, giving up), null when
 * the transcript shows neither (rules: rules/resolution.rules).
 */
final class ResolvedInConversation extends ConversationMetric {
    ResolvedInConversation() {
        super("resolved_in_conversation", MetricType.BOOLEAN, "true/false", Scope.ALL_CHANNELS);
    }

    @Override
    protected Object value(AnalyzedConversation c) {
        return c.resolvedInConversation();
    }
}
