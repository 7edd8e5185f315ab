package io.rapport.ingest;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/** The one JSON reader every JSON adapter uses, and the typed field accessors they share. */
final class Json {

    // Thread-safe once configured; shared by every task in the JVM. Nesting depth is capped so deeply
    // nested hostile input fails fast as MALFORMED_JSON instead of exhausting the stack; numbers and strings
    // are capped so a hostile number or a giant string cannot cost quadratic parsing time.
    static final ObjectMapper MAPPER = new ObjectMapper(JsonFactory.builder()
            .streamReadConstraints(StreamReadConstraints.builder().maxNestingDepth(64).maxNumberLength(40).build())
            .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
            .build())
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
            .disable(JsonParser.Feature.AUTO_CLOSE_SOURCE);

    private Json() {
    }

    /** A string field, null when absent or null; any other type is an INVALID_FIELD. */
    static String string(JsonNode parent, String field, String where) throws InvalidRecordException {
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

    /** An integral number of milliseconds (or other long), null when absent or null. */
    static Long integer(JsonNode parent, String field, String where) throws InvalidRecordException {
        JsonNode n = parent.get(field);
        if (n == null || n.isNull()) {
            return null;
        }
        if (!n.isIntegralNumber() || !n.canConvertToLong()) {
            throw new InvalidRecordException(ReasonCode.INVALID_FIELD,
                    where + field + " must be an integer, got " + abbreviate(n.toString()));
        }
        return n.longValue();
    }

    /** An array field, null when absent or null; any other type is an INVALID_FIELD. */
    static JsonNode array(JsonNode parent, String field, String where) throws InvalidRecordException {
        JsonNode n = parent.get(field);
        if (n == null || n.isNull()) {
            return null;
        }
        if (!n.isArray()) {
            throw new InvalidRecordException(ReasonCode.INVALID_FIELD, where + field + " must be an array");
        }
        return n;
    }

    /** An object element of an array; anything else is an INVALID_FIELD naming its position. */
    static JsonNode object(JsonNode n, String where) throws InvalidRecordException {
        if (n == null || !n.isObject()) {
            throw new InvalidRecordException(ReasonCode.INVALID_FIELD, where + " must be an object");
        }
        return n;
    }

    static String abbreviate(String s) {
        return s.length() <= 40 ? s : s.substring(0, 40) + "…";
    }
}
