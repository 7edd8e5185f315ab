package io.rapport.metrics;

import io.rapport.analysis.AnalyzedConversation;
import io.rapport.model.Utterance;

/** Voice: end of the last utterance; chat/email: start of the last message. Both measured from started_at. */
final class DurationMs extends ConversationMetric {
    DurationMs() {
        super("duration_ms", MetricType.LONG, "ms", Scope.ALL_CHANNELS);
    }

    @Override
    protected Object value(AnalyzedConversation c) {
        if (c.isVoice()) {
            return c.timeline().durationMs();
        }
        long last = 0;
        for (Utterance u : c.conversation().utterances()) {
            last = Math.max(last, u.startMs());
        }
        return last;
    }
}
