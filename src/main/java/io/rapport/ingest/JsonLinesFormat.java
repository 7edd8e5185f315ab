package io.rapport.ingest;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.util.ArrayList;
import java.util.List;

/** The canonical format: JSON Lines, one conversation object per line (docs/input-format.md). */
public final class JsonLinesFormat implements TranscriptFormat {

    // Thread-safe once configured; shared by every task in the JVM. Nesting depth is capped so deeply
    // nested hostile input fails fast as MALFORMED_JSON instead of exhausting the stack.
    private static final ObjectMapper MAPPER = new ObjectMapper(JsonFactory.builder()
            .streamReadConstraints(StreamReadConstraints.builder().maxNestingDepth(64).build())
            .enable(com.fasterxml.jackson.core.StreamReadFeature.STRICT_DUPLICATE_DETECTION)
            .build())
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
            .disable(JsonParser.Feature.AUTO_CLOSE_SOURCE);

    @Override
    public String name() {
        return "jsonl";
    }

    @Override
    public boolean recognizes(String firstLine) {
        return firstLine.stripLeading().startsWith("{");
    }

    @Override
    public RecordSource open(String file, BoundedLineReader lines) {
        return () -> {
            for (BoundedLineReader.Line line = lines.next(); line != null; line = lines.next()) {
                if (line.problem() != null) {
                    return TranscriptFormat.lineProblem(file, line, lines.maxLineBytes());
                }
                if (!line.text().isBlank()) {
                    return parse(new SourceRecord(file, line.number(), line.text()), line.text());
                }
            }
            return null;
        };
    }

    static IngestResult parse(SourceRecord source, String text) {
        JsonNode root;
        try {
            root = MAPPER.readTree(text);
        } catch (JsonProcessingException e) {
            return new IngestResult.Quarantined(source, null, ReasonCode.MALFORMED_JSON,
                    "invalid JSON: " + e.getOriginalMessage());
        }
        String id = root != null && root.path("conversation_id").isTextual() ? root.get("conversation_id").asText() : null;
        try {
            if (root == null || !root.isObject()) {
                throw new InvalidRecordException(ReasonCode.MALFORMED_JSON,
                        "expected a JSON object, got " + (root == null ? "nothing" : root.getNodeType()));
            }
            return new IngestResult.Accepted(source, ConversationValidator.validate(draft(root)));
        } catch (InvalidRecordException e) {
            return IngestResult.Quarantined.of(source, id, e);
        }
    }

    private static ConversationDraft draft(JsonNode root) throws InvalidRecordException {
        JsonNode utterancesNode = root.get("utterances");
        List<ConversationDraft.UtteranceDraft> utterances = null;
        if (utterancesNode != null && !utterancesNode.isNull()) {
            if (!utterancesNode.isArray()) {
                throw new InvalidRecordException(ReasonCode.INVALID_FIELD, "utterances must be an array");
            }
            utterances = new ArrayList<>(utterancesNode.size());
            for (int i = 0; i < utterancesNode.size(); i++) {
                JsonNode u = utterancesNode.get(i);
                String where = "utterances[" + i + "].";
                if (!u.isObject()) {
                    throw new InvalidRecordException(ReasonCode.INVALID_FIELD, where.substring(0, where.length() - 1)
                            + " must be an object");
                }
                utterances.add(new ConversationDraft.UtteranceDraft(
                        string(u, "speaker", where), millis(u, "start_ms", where), millis(u, "end_ms", where),
                        string(u, "text", where)));
            }
        }
        return new ConversationDraft(
                string(root, "conversation_id", ""), string(root, "channel", ""), string(root, "started_at", ""),
                string(root, "agent_id", ""), string(root, "team_id", ""), string(root, "customer_id", ""),
                string(root, "queue", ""), utterances);
    }

    private static String string(JsonNode parent, String field, String where) throws InvalidRecordException {
        JsonNode n = parent.get(field);
        if (n == null || n.isNull()) {
            return null;
        }
        if (!n.isTextual()) {
            throw new InvalidRecordException(ReasonCode.INVALID_FIELD,
                    where + field + " must be a string, got " + n.getNodeType());
        }
        return n.asText();
    }

    private static Long millis(JsonNode parent, String field, String where) throws InvalidRecordException {
        JsonNode n = parent.get(field);
        if (n == null || n.isNull()) {
            return null;
        }
        if (!n.isIntegralNumber() || !n.canConvertToLong()) {
            throw new InvalidRecordException(ReasonCode.INVALID_FIELD,
                    where + field + " must be an integer number of milliseconds, got " + abbreviate(n.toString()));
        }
        return n.longValue();
    }

    private static String abbreviate(String s) {
        return s.length() <= 40 ? s : s.substring(0, 40) + "…";
    }
}
