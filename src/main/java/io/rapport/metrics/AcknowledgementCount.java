package io.rapport.metrics;

import io.rapport.analysis.AnalyzedConversation;
import io.rapport.model.Speaker;
import io.rapport.model.Utterance;

/** Backchannels ("mm-hmm", "I see") from this party: listening signals that do not take the floor. */
final class AcknowledgementCount extends PartyMetric {
    AcknowledgementCount(Speaker party) {
        super(party, "acknowledgements", MetricType.LONG, "count", Scope.ALL_CHANNELS);
    }

    @Override
    protected Object value(AnalyzedConversation c) {
        long n = 0;
        for (Utterance u : c.conversation().utterances()) {
            if (u.speaker() == party && c.backchannel()[u.index()]) {
                n++;
            }
        }
        return n;
    }
}
