package io.rapport.metrics;

import io.rapport.analysis.AnalyzedConversation;
import io.rapport.model.Speaker;

/** Chat and email messages sent by this party. */
final class MessageCount extends PartyMetric {
    MessageCount(Speaker party) {
        super(party, "messages", MetricType.LONG, "count", Scope.TEXT);
    }

    @Override
    protected Object value(AnalyzedConversation c) {
        return c.conversation().utterances().stream().filter(u -> u.speaker() == party).count();
    }
}
