package io.rapport.sample;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.format.DateTimeFormatter;

/**
 * Streams conversations to {@code export-NNNN.csv} as RFC 4180 (comma separated, header row, fields with a
 * comma, quote or line break double-quoted with "" escaping), one row per utterance, starting a new part after
 * {@code maxPerFile} conversations. Lines end in "\n" rather than CRLF so files are identical on every OS.
 */
final class CsvSink extends PartSink<Writer> {

    static final String HEADER =
            "conversation_id,channel,started_at,agent_id,team_id,customer_id,queue,utterance_index,speaker,start_ms,end_ms,text";

    private long line; // physical line the next row starts on; quoted line breaks advance it

    CsvSink(Path dir, int maxPerFile) {
        super(dir, "export", "csv", maxPerFile);
    }

    @Override
    protected Writer open(Path file) throws IOException {
        Writer w = new BufferedWriter(new OutputStreamWriter(Files.newOutputStream(file), StandardCharsets.UTF_8), 1 << 16);
        w.write(HEADER + "\n");
        line = 2;
        return w;
    }

    /** Writes the conversation; returns where its first row starts. */
    Position write(Transcript t) throws IOException {
        startRecord();
        Position at = here();
        for (int i = 0; i < t.utterances().size(); i++) {
            writeRow(t, i);
        }
        return at;
    }

    /**
     * Writes the conversation with its first agent row damaged the way an exporter that forgot to quote would
     * write it: the unquoted comma in the text splits that row into 13 or more fields, while every other row
     * stays valid. Returns where the damaged row starts.
     */
    Position writeWithUnquotedRow(Transcript t) throws IOException {
        startRecord();
        Position damaged = null;
        for (int i = 0; i < t.utterances().size(); i++) {
            Transcript.Utterance u = t.utterances().get(i);
            if (damaged == null && u.speaker().equals(Role.AGENT.code)) {
                // Quotes and line breaks would make the damage ambiguous; the comma alone breaks the row.
                String text = u.text().replace('"', '\'').replace('\n', ' ');
                if (!text.contains(",")) {
                    throw new IllegalStateException("first agent line of " + t.id() + " has no comma: " + text);
                }
                damaged = here();
                out.write(row(t, i, text));
                line++;
            } else {
                writeRow(t, i);
            }
        }
        if (damaged == null) {
            throw new IllegalStateException(t.id() + " has no agent utterance to damage");
        }
        return damaged;
    }


    private Position here() {
        return new Position(currentName(), line);
    }

    private void writeRow(Transcript t, int index) throws IOException {
        String row = row(t, index, field(t.utterances().get(index).text()));
        out.write(row);
        line += row.chars().filter(c -> c == '\n').count();
    }

    /** One utterance row; the caller decides how the text field is encoded. */
    private static String row(Transcript t, int index, String textField) {
        Transcript.Utterance u = t.utterances().get(index);
        return String.join(",", field(t.id()), field(t.channel()), DateTimeFormatter.ISO_INSTANT.format(t.startedAt()),
                field(t.agentId()), field(t.teamId()), field(t.customerId()), field(t.queue()), Integer.toString(index),
                field(u.speaker()), Long.toString(u.startMs()), u.endMs() == null ? "" : Long.toString(u.endMs()), textField)
                + "\n";
    }

    /** RFC 4180 quoting; null becomes an empty field. */
    static String field(String value) {
        if (value == null) {
            return "";
        }
        if (value.indexOf(',') < 0 && value.indexOf('"') < 0 && value.indexOf('\n') < 0 && value.indexOf('\r') < 0) {
            return value;
        }
        return '"' + value.replace("\"", "\"\"") + '"';
    }
}
