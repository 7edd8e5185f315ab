package io.rapport.ingest;

import com.fasterxml.jackson.databind.JsonNode;

import java.util.List;

/**
 * Amazon Transcribe Call Analytics post-call output: {@code Transcript[]} segments with {@code ParticipantRole},
 * {@code BeginOffsetMillis}, {@code EndOffsetMillis}, {@code Content}, and {@code ConversationCharacteristics}.
 * The output names the job but not the agent or the call's start time; those come from a sidecar row keyed by
 * {@code JobName}.
 */
final class TranscribeCallAnalyticsFormat extends JsonDocumentFormat {

    @Override
    public String name() {
        return "transcribe-call-analytics";
    }

    @Override
    List<String> signatureKeys() {
        return List.of("ParticipantRole", "ConversationCharacteristics", "JobName");
    }

    @Override
    Mapped map(JsonNode root, String file) throws InvalidRecordException {
        String jobName = Json.string(root, "JobName", "");
        String key = jobName != null ? jobName : baseName(file);
        List<ConversationDraft.UtteranceDraft> utterances =
                AmazonAnalytics.utterances(root, s -> s.path("ParticipantRole").textValue());
        return new Mapped(key, new ConversationDraft(key, AmazonAnalytics.channel(root), null, null, null, null, null,
                utterances, AmazonAnalytics.figures(name(), root)));
    }
}
