package io.rapport.ingest;

import com.fasterxml.jackson.databind.JsonNode;
import io.rapport.model.VendorFigures;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Google Contact Center AI Insights, in its two published shapes: the Conversation resource the API returns
 * ({@code transcript.transcriptSegments[]} with {@code segmentParticipant.role} and word offsets, plus
 * {@code latestAnalysis} figures), and the chat transcript import file ({@code entries[]} with {@code role},
 * {@code text}, {@code start_timestamp_usec}).
 */
final class CcaiInsightsFormat extends JsonDocumentFormat {

    private static final Pattern DURATION = Pattern.compile("(\\d{1,12})(?:\\.(\\d{1,9}))?s");

    @Override
    public String name() {
        return "ccai-insights";
    }

    @Override
    List<String> signatureKeys() {
        return List.of("transcriptSegments", "segmentParticipant", "start_timestamp_usec");
    }

    @Override
    Mapped map(JsonNode root, String file) throws InvalidRecordException {
        return root.has("entries") && !root.has("transcript") ? entries(root, file) : resource(root, file);
    }

    private Mapped resource(JsonNode root, String file) throws InvalidRecordException {
        String name = Json.string(root, "name", "");
        String id = name != null && !name.isBlank() ? name.substring(name.lastIndexOf('/') + 1) : baseName(file);
        JsonNode transcript = root.path("transcript");
        JsonNode segments = transcript.isObject() ? Json.array(transcript, "transcriptSegments", "transcript.") : null;
        if (segments == null) {
            throw new InvalidRecordException(ReasonCode.MISSING_FIELD, "transcript.transcriptSegments is missing");
        }
        String medium = Json.string(root, "medium", "");
        String channel = medium == null || medium.equals("PHONE_CALL") ? "voice"
                : medium.equals("CHAT") ? "chat" : medium.toLowerCase(Locale.ROOT);
        String startTime = Json.string(root, "startTime", "");
        Instant start = startTime == null ? null : instant("startTime", startTime);
        JsonNode call = root.path("callMetadata");
        List<ConversationDraft.UtteranceDraft> utterances = new ArrayList<>(segments.size());
        for (int i = 0; i < segments.size(); i++) {
            String where = "transcript.transcriptSegments[" + i + "].";
            JsonNode s = Json.object(segments.get(i), where.substring(0, where.length() - 1));
            Long begin = null;
            Long end = null;
            JsonNode words = Json.array(s, "words", where);
            if (words != null && !words.isEmpty()) {
                begin = duration(where + "words[0].startOffset", Json.string(words.get(0), "startOffset", where));
                end = duration(where + "words[" + (words.size() - 1) + "].endOffset",
                        Json.string(words.get(words.size() - 1), "endOffset", where));
            } else if (s.hasNonNull("messageTime") && start != null) {
                begin = instant(where + "messageTime", Json.string(s, "messageTime", where)).toEpochMilli()
                        - start.toEpochMilli();
            }
            utterances.add(new ConversationDraft.UtteranceDraft(role(s, call), begin, end,
                    Json.string(s, "text", where)));
        }
        JsonNode agent = root.path("qualityMetadata").path("agentInfo").path(0);
        String agentId = Json.string(root, "agentId", "");
        return new Mapped(id, new ConversationDraft(id, channel, startTime, agentId != null ? agentId
                : agent.path("agentId").textValue(), agent.path("team").textValue(), null, null, utterances,
                figures(root)));
    }

    /** HUMAN_AGENT and ANY_AGENT are agents, AUTOMATED_AGENT a bot, END_USER the customer; else the audio channel. */
    private static String role(JsonNode segment, JsonNode call) {
        String role = segment.path("segmentParticipant").path("role").textValue();
        if (role == null || role.equals("ROLE_UNSPECIFIED")) {
            int tag = segment.path("channelTag").asInt(-1);
            if (tag >= 0 && tag == call.path("agentChannel").asInt(-2)) {
                return "agent";
            }
            if (tag >= 0 && tag == call.path("customerChannel").asInt(-2)) {
                return "customer";
            }
            return role == null ? null : role.toLowerCase(Locale.ROOT);
        }
        return switch (role) {
            case "HUMAN_AGENT", "ANY_AGENT" -> "agent";
            case "AUTOMATED_AGENT" -> "bot";
            case "END_USER" -> "customer";
            default -> role.toLowerCase(Locale.ROOT);
        };
    }

    /** Google's interruption annotations, silence and duration; Insights reports no talk time per party. */
    private VendorFigures figures(JsonNode root) throws InvalidRecordException {
        JsonNode analysis = root.path("latestAnalysis").path("analysisResult").path("callAnalysisMetadata");
        String duration = Json.string(root, "duration", "");
        if (!analysis.isObject() && duration == null) {
            return null;
        }
        Integer interruptions = null;
        if (analysis.path("annotations").isArray()) {
            int n = 0;
            for (JsonNode a : analysis.path("annotations")) {
                n += a.has("interruptionData") ? 1 : 0;
            }
            interruptions = n;
        }
        String silence = analysis.path("silence").path("silenceDuration").textValue();
        return new VendorFigures(name(), interruptions, null, null,
                silence == null ? null : duration("latestAnalysis.analysisResult.callAnalysisMetadata.silence.silenceDuration", silence),
                duration == null ? null : duration("duration", duration));
    }

    private Mapped entries(JsonNode root, String file) throws InvalidRecordException {
        JsonNode entries = Json.array(root, "entries", "");
        String key = baseName(file);
        List<ConversationDraft.UtteranceDraft> utterances = new ArrayList<>(entries.size());
        Long first = null;
        List<Long> stamps = new ArrayList<>();
        for (int i = 0; i < entries.size(); i++) {
            String where = "entries[" + i + "].";
            Long usec = Json.integer(Json.object(entries.get(i), "entries[" + i + "]"), "start_timestamp_usec", where);
            stamps.add(usec);
            if (usec != null && (first == null || usec < first)) {
                first = usec;
            }
        }
        for (int i = 0; i < entries.size(); i++) {
            String where = "entries[" + i + "].";
            JsonNode e = entries.get(i);
            String role = Json.string(e, "role", where);
            Long usec = stamps.get(i);
            utterances.add(new ConversationDraft.UtteranceDraft(role == null ? null : role.toLowerCase(Locale.ROOT),
                    usec == null ? null : (usec - first) / 1000, null, Json.string(e, "text", where)));
        }
        String startedAt = first == null ? null : Instant.ofEpochSecond(first / 1_000_000, first % 1_000_000 * 1000)
                .toString();
        return new Mapped(key, new ConversationDraft(key, "chat", startedAt, null, null, null, null, utterances));
    }

    /** A protobuf Duration in JSON ("12.300s") in milliseconds. */
    static long duration(String field, String text) throws InvalidRecordException {
        Matcher m = text == null ? null : DURATION.matcher(text);
        if (m == null || !m.matches()) {
            throw new InvalidRecordException(ReasonCode.INVALID_FIELD,
                    field + " '" + Json.abbreviate(String.valueOf(text)) + "' is not a duration such as \"12.300s\"");
        }
        return new BigDecimal(m.group(1) + "." + (m.group(2) == null ? "0" : m.group(2)))
                .movePointRight(3).longValue();
    }

    private static Instant instant(String field, String text) throws InvalidRecordException {
        try {
            return OffsetDateTime.parse(text).toInstant();
        } catch (DateTimeParseException e) {
            throw new InvalidRecordException(ReasonCode.INVALID_FIELD,
                    field + " '" + Json.abbreviate(text) + "' is not an RFC 3339 timestamp");
        }
    }
}
