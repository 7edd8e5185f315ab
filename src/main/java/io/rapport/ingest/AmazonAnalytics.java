package io.rapport.ingest;

import com.fasterxml.jackson.databind.JsonNode;
import io.rapport.model.VendorFigures;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.Function;

/**
 * What Amazon Transcribe Call Analytics and Amazon Connect Contact Lens share: segments with millisecond offsets
 * and {@code Content}, AGENT/CUSTOMER roles, and {@code ConversationCharacteristics} with Amazon's own figures.
 */
final class AmazonAnalytics {

    private AmazonAnalytics() {
    }

    /**
     * The {@code Transcript} segments as utterances.
     *
     * @param role maps a segment to its participant role (AGENT, CUSTOMER, ...), null when it names none
     */
    static List<ConversationDraft.UtteranceDraft> utterances(JsonNode root, Function<JsonNode, String> role)
            throws InvalidRecordException {
        JsonNode transcript = Json.array(root, "Transcript", "");
        if (transcript == null) {
            throw new InvalidRecordException(ReasonCode.MISSING_FIELD, "Transcript is missing");
        }
        List<ConversationDraft.UtteranceDraft> utterances = new ArrayList<>(transcript.size());
        for (int i = 0; i < transcript.size(); i++) {
            String where = "Transcript[" + i + "].";
            JsonNode segment = Json.object(transcript.get(i), "Transcript[" + i + "]");
            String r = role.apply(segment);
            utterances.add(new ConversationDraft.UtteranceDraft(speaker(r),
                    Json.integer(segment, "BeginOffsetMillis", where), Json.integer(segment, "EndOffsetMillis", where),
                    Json.string(segment, "Content", where)));
        }
        return utterances;
    }

    /** Amazon's roles as our speaker codes; an unknown role passes through, so validation names it. */
    private static String speaker(String role) {
        if (role == null) {
            return null;
        }
        return switch (role.toUpperCase(Locale.ROOT)) {
            case "AUTOMATED" -> "bot";
            default -> role.toLowerCase(Locale.ROOT);
        };
    }

    /** VOICE or CHAT as our channel code; Amazon's analytics outputs are voice unless they say otherwise. */
    static String channel(JsonNode root) throws InvalidRecordException {
        String channel = Json.string(root, "Channel", "");
        return channel == null ? "voice" : channel.toLowerCase(Locale.ROOT);
    }

    /** Amazon's interruption count, talk times, non-talk time and duration, each null when absent. */
    static VendorFigures figures(String source, JsonNode root) throws InvalidRecordException {
        JsonNode c = root.path("ConversationCharacteristics");
        if (!c.isObject()) {
            return null;
        }
        Long interruptions = at(c, "/Interruptions/TotalCount");
        return new VendorFigures(source, interruptions == null ? null : Math.toIntExact(Math.min(interruptions,
                Integer.MAX_VALUE)), at(c, "/TalkTime/DetailsByParticipant/AGENT/TotalTimeMillis"),
                at(c, "/TalkTime/DetailsByParticipant/CUSTOMER/TotalTimeMillis"), at(c, "/NonTalkTime/TotalTimeMillis"),
                at(c, "/TotalConversationDurationMillis"));
    }

    private static Long at(JsonNode characteristics, String pointer) throws InvalidRecordException {
        JsonNode n = characteristics.at(pointer);
        if (n.isMissingNode() || n.isNull()) {
            return null;
        }
        if (!n.isIntegralNumber() || !n.canConvertToLong() || n.longValue() < 0) {
            throw new InvalidRecordException(ReasonCode.INVALID_FIELD, "ConversationCharacteristics" + pointer.replace('/', '.')
                    + " must be a non-negative integer, got " + Json.abbreviate(n.toString()));
        }
        return n.longValue();
    }
}
