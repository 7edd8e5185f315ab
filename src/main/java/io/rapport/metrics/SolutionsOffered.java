package io.rapport.metrics;

import io.rapport.analysis.AnalyzedConversation;

/** Distinct options the agent offered: the same action offered twice counts once (rules/solution_offered.rules). */
final class SolutionsOffered extends ConversationMetric {
    SolutionsOffered() {
        super("solutions_offered", MetricType.LONG, "options", Scope.ALL_CHANNELS);
    }

    @Override
    protected Object value(AnalyzedConversation c) {
        return (long) c.language().distinctSolutions();
    }
}
