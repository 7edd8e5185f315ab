package io.rapport.ingest;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.regex.Pattern;

/**
 * A vendor format whose file is one JSON document holding one conversation (pretty-printed or on one line).
 * The document is the record: it is read whole, up to the record size limit, and yields one result. Subclasses
 * only map the vendor's tree to a {@link ConversationDraft}; size, encoding, syntax, sidecar metadata and
 * validation are handled here, identically for every vendor.
 */
abstract class JsonDocumentFormat implements TranscriptFormat {

    /** What a vendor document gives: the draft and the key its sidecar metadata row would carry. */
    record Mapped(String metadataKey, ConversationDraft draft) {
    }

    /** Maps the document; throws for a shape the vendor's schema does not allow. */
    abstract Mapped map(JsonNode root, String file) throws InvalidRecordException;

    /** The keys, any one of which marks this vendor's document near its start (in the file head). */
    abstract List<String> signatureKeys();

    @Override
    public boolean recognizes(FileHead head) {
        return head.text().startsWith("{") && !isCanonicalLine(head.firstLine())
                && signatureKeys().stream().anyMatch(k -> hasKey(head.text(), k));
    }

    /** A canonical JSON Lines record names conversation_id on its (first) line. */
    private static boolean isCanonicalLine(String line) {
        return hasKey(line, "conversation_id");
    }

    /** Whether the JSON text has this object key (an escaped quote inside a string value does not count). */
    static boolean hasKey(String text, String key) {
        return Pattern.compile("(?<!\\\\)\"" + Pattern.quote(key) + "\"\\s*:").matcher(text).find();
    }

    @Override
    public RecordSource open(String file, InputStream in, IngestSettings settings) throws IOException {
        return TranscriptFormat.single(read(file, in, settings));
    }

    private IngestResult read(String file, InputStream in, IngestSettings settings) throws IOException {
        byte[] bytes = in.readNBytes(settings.maxRecordBytes() + 1);
        SourceRecord preview = new SourceRecord(file, 1, new String(bytes, 0,
                Math.min(bytes.length, SourceRecord.MAX_RAW_CHARS), StandardCharsets.UTF_8));
        if (bytes.length > settings.maxRecordBytes()) {
            return new IngestResult.Quarantined(preview, null, ReasonCode.OVERSIZED_RECORD, name()
                    + " document is larger than the maximum record size of " + settings.maxRecordBytes() + " bytes");
        }
        String text;
        try {
            text = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(bytes)).toString();
        } catch (CharacterCodingException e) {
            return new IngestResult.Quarantined(preview, null, ReasonCode.INVALID_ENCODING,
                    name() + " document is not valid UTF-8 (JSON must be)");
        }
        JsonNode root;
        try {
            root = Json.MAPPER.readTree(text.startsWith("\uFEFF") ? text.substring(1) : text);
        } catch (JsonProcessingException e) {
            return new IngestResult.Quarantined(preview, null, ReasonCode.MALFORMED_JSON, name()
                    + " document is not valid JSON (truncated or damaged?): " + e.getOriginalMessage());
        }
        String id = null;
        try {
            if (root == null || !root.isObject()) {
                throw new InvalidRecordException(ReasonCode.MALFORMED_JSON, name() + " document must be a JSON object");
            }
            Mapped mapped = map(root, file);
            id = mapped.draft().withMetadata(settings.metadata().lookup(mapped.metadataKey())).conversationId();
            return new IngestResult.Accepted(preview,
                    settings.metadata().complete(name(), mapped.metadataKey(), mapped.draft()));
        } catch (InvalidRecordException e) {
            return IngestResult.Quarantined.of(preview, id, e);
        }
    }

    /** The file's name without folders and extensions: the key of formats whose content names nothing. */
    static String baseName(String file) {
        String name = file.substring(file.lastIndexOf('/') + 1);
        int dot = name.indexOf('.');
        return dot > 0 ? name.substring(0, dot) : name;
    }
}
