package io.rapport.sample;

import com.fasterxml.jackson.core.JsonEncoding;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonFactoryBuilder;
import com.fasterxml.jackson.core.JsonGenerator;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.format.DateTimeFormatter;

/**
 * Streams conversations to {@code conversations-NNNN.jsonl}, one JSON object per line, starting a new part
 * after {@code maxPerFile} records. Only the current part is open; nothing is kept per conversation.
 */
final class JsonlSink extends PartSink<JsonGenerator> {

    // No separator between root values: each line ends with an explicit '\n' instead.
    private static final JsonFactory FACTORY = new JsonFactoryBuilder().rootValueSeparator((String) null).build();

    JsonlSink(Path dir, int maxPerFile) {
        super(dir, "conversations", "jsonl", maxPerFile);
    }

    @Override
    protected JsonGenerator open(Path file) throws IOException {
        return FACTORY.createGenerator(new BufferedOutputStream(Files.newOutputStream(file), 1 << 16), JsonEncoding.UTF8);
    }

    Position write(Transcript t) throws IOException {
        Position at = next();
        writeObject(out, t);
        out.writeRaw('\n');
        return at;
    }

    /** Writes the first {@code keepFraction} of the serialised object: a line that cannot parse. */
    Position writeTruncated(Transcript t, double keepFraction) throws IOException {
        StringWriter whole = new StringWriter();
        try (JsonGenerator g = FACTORY.createGenerator(whole)) {
            writeObject(g, t);
        }
        String json = whole.toString();
        Position at = next();
        out.writeRaw(json.substring(0, (int) (json.length() * keepFraction)));
        out.writeRaw('\n');
        return at;
    }

    private Position next() throws IOException {
        startRecord();
        return new Position(currentName(), inFile());
    }

    private static void writeObject(JsonGenerator g, Transcript t) throws IOException {
        g.writeStartObject();
        g.writeStringField("conversation_id", t.id());
        g.writeStringField("channel", t.channel());
        g.writeStringField("started_at", DateTimeFormatter.ISO_INSTANT.format(t.startedAt()));
        if (t.agentId() != null) {
            g.writeStringField("agent_id", t.agentId());
        }
        nullable(g, "team_id", t.teamId());
        nullable(g, "customer_id", t.customerId());
        nullable(g, "queue", t.queue());
        g.writeArrayFieldStart("utterances");
        for (Transcript.Utterance u : t.utterances()) {
            g.writeStartObject();
            g.writeStringField("speaker", u.speaker());
            g.writeNumberField("start_ms", u.startMs());
            if (u.endMs() != null) {
                g.writeNumberField("end_ms", u.endMs());
            }
            g.writeStringField("text", u.text());
            g.writeEndObject();
        }
        g.writeEndArray();
        g.writeEndObject();
    }

    private static void nullable(JsonGenerator g, String field, String value) throws IOException {
        if (value == null) {
            g.writeNullField(field);
        } else {
            g.writeStringField(field, value);
        }
    }
}
