package io.rapport.metrics;

import io.rapport.analysis.AnalyzedConversation;
import io.rapport.model.Speaker;
import io.rapport.model.Utterance;

import java.util.Comparator;

/**
 * Voice: whether the agent let the customer finish their first substantive turn (the first customer utterance
 * that is not a backchannel) without interrupting it. Null when the customer never spoke.
 */
final class CustomerOpeningUninterrupted extends ConversationMetric {
    CustomerOpeningUninterrupted() {
        super("customer_opening_uninterrupted", MetricType.BOOLEAN, "true/false", Scope.VOICE);
    }

    @Override
    protected Object value(AnalyzedConversation c) {
        Utterance opening = c.conversation().utterances().stream()
                .filter(u -> u.speaker() == Speaker.CUSTOMER && !u.text().isBlank() && !c.backchannel()[u.index()])
                .min(Comparator.comparingLong(Utterance::startMs).thenComparingInt(Utterance::index)).orElse(null);
        if (opening == null) {
            return null;
        }
        return c.interruptions().stream()
                .noneMatch(i -> i.interrupter() == Speaker.AGENT && i.interruptedIndex() == opening.index());
    }
}
