package io.rapport.analysis;

import io.rapport.analysis.timing.Interruption;
import io.rapport.analysis.timing.SpeechTimeline;
import io.rapport.model.Conversation;

import java.util.List;

/**
 * A conversation with everything the analyzers found, computed once and shared by all metrics.
 *
 * @param timeline      speech intervals; null unless the conversation is voice
 * @param backchannel   per utterance index, whether the utterance is a backchannel
 * @param interruptions null unless the conversation is voice
 * @param responseWaits answered customer waits in ms; null for voice
 * @param resolvedInConversation the transcript's own resolution verdict; null when it shows none
 */
public record AnalyzedConversation(Conversation conversation, SpeechTimeline timeline, boolean[] backchannel,
                                   List<Interruption> interruptions, List<Long> responseWaits,
                                   Boolean resolvedInConversation, List<BehaviorEvent> events) {

    public boolean isVoice() {
        return conversation.channel().isTimed();
    }
}
