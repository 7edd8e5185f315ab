package io.rapport.metrics;

import io.rapport.analysis.AnalyzedConversation;
import io.rapport.model.Speaker;

/**
 * Utterances of one party showing a language behaviour (optionally one kind of it): an utterance with two
 * apologies is one apology statement. Rules: rules/&lt;behaviour&gt;.rules.
 */
final class StatementCount extends ConversationMetric {
    private final String behavior;
    private final String detail;
    private final Speaker party;

    StatementCount(String name, String behavior, String detail, Speaker party) {
        super(name, MetricType.LONG, "utterances", Scope.ALL_CHANNELS);
        this.behavior = behavior;
        this.detail = detail;
        this.party = party;
    }

    @Override
    protected Object value(AnalyzedConversation c) {
        return c.utterancesWith(behavior, detail, party);
    }
}
