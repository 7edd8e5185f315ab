package io.rapport.analysis;

import io.rapport.analysis.language.LanguageFindings;
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
 * @param language      what the language detectors found (their events are also in {@code events})
 */
public record AnalyzedConversation(Conversation conversation, SpeechTimeline timeline, boolean[] backchannel,
                                   List<Interruption> interruptions, List<Long> responseWaits,
                                   Boolean resolvedInConversation, LanguageFindings language,
                                   List<BehaviorEvent> events) {

    public boolean isVoice() {
        return conversation.channel().isTimed();
    }

    /** Utterances of {@code speaker} with at least one event of {@code behavior} (and of {@code detail} if given). */
    public long utterancesWith(String behavior, String detail, io.rapport.model.Speaker speaker) {
        return events.stream()
                .filter(e -> e.behavior().equals(behavior) && (detail == null || e.detail().equals(detail))
                        && e.speaker().equals(speaker.code()))
                .mapToInt(BehaviorEvent::utteranceIndex).distinct().count();
    }
}
