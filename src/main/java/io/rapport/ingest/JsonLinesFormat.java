package io.rapport.ingest;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;

import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;

/** The canonical format: JSON Lines, one conversation object per line (docs/input-format.md). */
public final class JsonLinesFormat implements TranscriptFormat {

    @Override
    public String name() {
        return "jsonl";
    }

    @Override
    public boolean recognizes(FileHead head) {
        return head.firstLine().startsWith("{");
    }

    @Override
    public RecordSource open(String file, InputStream in, IngestSettings settings) {
        BoundedLineReader lines = new BoundedLineReader(in, settings.maxRecordBytes());
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
            root = Json.MAPPER.readTree(text);
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
            Json.array(root, "utterances", "");
            utterances = new ArrayList<>(utterancesNode.size());
            for (int i = 0; i < utterancesNode.size(); i++) {
                String where = "utterances[" + i + "].";
                JsonNode u = Json.object(utterancesNode.get(i), "utterances[" + i + "]");
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
        return Json.string(parent, field, where);
    }

    private static Long millis(JsonNode parent, String field, String where) throws InvalidRecordException {
        return Json.integer(parent, field, where);
    }
}
