package io.rapport.testing;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.rapport.model.Conversation;
import io.rapport.model.Utterance;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.zip.GZIPOutputStream;

/** Writes landing folders for pipeline tests. */
public final class Landing {

    private static final ObjectMapper MAPPER = new ObjectMapper();

    private Landing() {
    }

    /** The canonical JSON line for a conversation, with its own id and customer. */
    public static String jsonLine(Conversation c, String id, String customerId) {
        ObjectNode o = MAPPER.createObjectNode();
        o.put("conversation_id", id);
        o.put("channel", c.channel().code());
        o.put("started_at", c.startedAt().toString());
        o.put("agent_id", c.agentId());
        o.put("team_id", c.teamId());
        o.put("customer_id", customerId);
        o.put("queue", c.queue());
        ArrayNode utterances = o.putArray("utterances");
        for (Utterance u : c.utterances()) {
            ObjectNode n = utterances.addObject();
            n.put("speaker", u.speaker().code());
            n.put("start_ms", u.startMs());
            if (u.endMs() != null) {
                n.put("end_ms", u.endMs());
            }
            n.put("text", u.text());
        }
        return o.toString();
    }

    public static Path night(Path root, LocalDate date) {
        Path dir = root.resolve("date=" + date);
        try {
            return Files.createDirectories(dir);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static void write(Path file, String... lines) {
        try {
            Files.createDirectories(file.getParent());
            Files.writeString(file, String.join("\n", lines) + "\n", StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static void writeGzip(Path file, String... lines) {
        try {
            Files.createDirectories(file.getParent());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        try (OutputStream out = new GZIPOutputStream(Files.newOutputStream(file))) {
            out.write((String.join("\n", lines) + "\n").getBytes(StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
