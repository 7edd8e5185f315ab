package io.rapport.metrics;

import io.rapport.analysis.AnalyzedConversation;
import io.rapport.model.Speaker;
import io.rapport.model.Utterance;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * The longest stretch in which the customer held the floor: from a customer utterance's start until the
 * agent takes the floor (a non-backchannel agent utterance starts) or the customer's speech ends, whichever
 * comes first. Agent backchannels and system/bot audio do not end a turn. Null when the customer never spoke.
 */
final class LongestCustomerTurn extends ConversationMetric {
    LongestCustomerTurn() {
        super("longest_customer_turn_ms", MetricType.LONG, "ms", Scope.VOICE);
    }

    /** A per-conversation maximum: aggregates report its mean. */
    @Override
    public Aggregation aggregation() {
        return Aggregation.MEAN;
    }

    @Override
    protected Object value(AnalyzedConversation c) {
        List<Utterance> party = new ArrayList<>();
        for (Utterance u : c.conversation().utterances()) {
            if (u.speaker().isParty() && !(u.speaker() == Speaker.AGENT && c.backchannel()[u.index()])) {
                party.add(u);
            }
        }
        party.sort(Comparator.comparingLong(Utterance::startMs).thenComparingInt(Utterance::index));
        Long longest = null;
        long turnStart = -1;
        long turnEnd = -1;
        for (Utterance u : party) {
            if (u.speaker() == Speaker.CUSTOMER) {
                if (turnStart < 0) {
                    turnStart = u.startMs();
                }
                turnEnd = Math.max(turnEnd, u.endMs());
            } else if (turnStart >= 0) {
                longest = max(longest, Math.min(turnEnd, u.startMs()) - turnStart);
                turnStart = -1;
                turnEnd = -1;
            }
        }
        return turnStart >= 0 ? max(longest, turnEnd - turnStart) : longest;
    }

    private static Long max(Long a, long b) {
        return a == null ? b : Math.max(a, b);
    }
}
