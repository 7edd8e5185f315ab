package io.rapport.ingest;

import org.junit.jupiter.api.Test;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;

class TranscriptFileReaderTest {

    static List<IngestResult> read(InputStream in, Optional<String> format) {
        List<IngestResult> out = new ArrayList<>();
        new TranscriptFileReader(64 * 1024, format).read("f", in).forEachRemaining(out::add);
        return out;
    }

    static List<IngestResult> read(String text) {
        return read(new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8)), Optional.empty());
    }

    @Test
    void detectsJsonLinesByStructureAndSkipsBlankLines() {
        List<IngestResult> r = read("\n\n" + JsonLinesFormatTest.VOICE + "\n\n" + JsonLinesFormatTest.VOICE.replace("c-1", "c-2") + "\n");
        assertEquals(2, r.size());
        assertEquals(3, r.get(0).source().line());
        assertEquals(5, r.get(1).source().line());
    }

    @Test
    void detectsCsvByItsHeader() {
        List<IngestResult> r = read(CsvExportFormatTest.HEADER + "c-1,chat,2026-11-22T09:00:00Z,ag-1,,,,0,customer,0,,hi\n");
        assertInstanceOf(IngestResult.Accepted.class, r.get(0));
    }

    @Test
    void unknownStructureQuarantinesTheFileOnce() {
        List<IngestResult> r = read("<?xml version=\"1.0\"?>\n<transcript/>\n");
        assertEquals(1, r.size());
        IngestResult.Quarantined q = assertInstanceOf(IngestResult.Quarantined.class, r.get(0));
        assertEquals(ReasonCode.UNSUPPORTED_FORMAT, q.code());
        assertEquals(1, q.source().line());
    }

    @Test
    void emptyFileYieldsNothing() {
        assertEquals(List.of(), read("\n \n"));
    }

    @Test
    void forcedFormatOverridesDetection() {
        List<IngestResult> r = read(new ByteArrayInputStream("not json\n".getBytes()), Optional.of("jsonl"));
        assertEquals(ReasonCode.MALFORMED_JSON, assertInstanceOf(IngestResult.Quarantined.class, r.get(0)).code());
        assertThrows(IllegalArgumentException.class, () -> new TranscriptFileReader(1, Optional.of("xml")));
    }

    @Test
    void readFailurePartWayKeepsWhatWasReadAndRecordsWhereItStopped() {
        byte[] good = (JsonLinesFormatTest.VOICE + "\n" + JsonLinesFormatTest.VOICE.replace("c-1", "c-2") + "\n")
                .getBytes(StandardCharsets.UTF_8);
        InputStream failing = new InputStream() {
            int pos;

            @Override
            public int read() throws IOException {
                if (pos < good.length) {
                    return good[pos++];
                }
                throw new IOException("connection reset");
            }
        };
        List<IngestResult> r = read(failing, Optional.empty());
        assertEquals(3, r.size());
        assertInstanceOf(IngestResult.Accepted.class, r.get(0));
        assertInstanceOf(IngestResult.Accepted.class, r.get(1));
        IngestResult.Quarantined q = assertInstanceOf(IngestResult.Quarantined.class, r.get(2));
        assertEquals(ReasonCode.UNREADABLE_FILE, q.code());
        assertEquals(2, q.source().line());
    }

    @Test
    void oversizedAndBadlyEncodedRecordsAreQuarantinedAndTheRestOfTheFileIsRead() {
        String big = JsonLinesFormatTest.VOICE.replace("My bill is wrong.", "x".repeat(100_000));
        byte[] bad = JsonLinesFormatTest.VOICE.replace("c-1", "c-3").getBytes(StandardCharsets.UTF_8);
        bad[bad.length - 5] = (byte) 0xFF;
        ByteArrayOutputStreamBuilder file = new ByteArrayOutputStreamBuilder()
                .line(JsonLinesFormatTest.VOICE.getBytes(StandardCharsets.UTF_8))
                .line(big.getBytes(StandardCharsets.UTF_8))
                .line(bad)
                .line(JsonLinesFormatTest.VOICE.replace("c-1", "c-4").getBytes(StandardCharsets.UTF_8));
        List<IngestResult> r = read(new ByteArrayInputStream(file.bytes()), Optional.empty());
        assertEquals(4, r.size());
        assertInstanceOf(IngestResult.Accepted.class, r.get(0));
        IngestResult.Quarantined oversized = assertInstanceOf(IngestResult.Quarantined.class, r.get(1));
        assertEquals(ReasonCode.OVERSIZED_RECORD, oversized.code());
        assertEquals(2, oversized.source().line());
        assertEquals(SourceRecord.MAX_RAW_CHARS, oversized.source().raw().indexOf("…[truncated"),
                "raw text is kept, truncated");
        IngestResult.Quarantined encoding = assertInstanceOf(IngestResult.Quarantined.class, r.get(2));
        assertEquals(ReasonCode.INVALID_ENCODING, encoding.code());
        assertEquals(3, encoding.source().line());
        assertEquals("c-4", assertInstanceOf(IngestResult.Accepted.class, r.get(3)).conversation().conversationId());
    }

    @Test
    void oversizedCsvRecordIsQuarantinedToo() {
        String csv = CsvExportFormatTest.HEADER + "c-1,chat,2026-11-22T09:00:00Z,ag-1,,,,0,customer,0,,\"" + "y".repeat(70_000)
                + "\"\n" + "c-2,chat,2026-11-22T09:00:00Z,ag-1,,,,0,customer,0,,fine\n";
        List<IngestResult> r = read(csv);
        assertEquals(ReasonCode.OVERSIZED_RECORD, assertInstanceOf(IngestResult.Quarantined.class, r.get(0)).code());
        assertInstanceOf(IngestResult.Accepted.class, r.get(1));
    }

    /** Builds a file's bytes line by line, so a test can plant invalid UTF-8. */
    static final class ByteArrayOutputStreamBuilder {
        private final java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();

        ByteArrayOutputStreamBuilder line(byte[] bytes) {
            out.writeBytes(bytes);
            out.write('\n');
            return this;
        }

        byte[] bytes() {
            return out.toByteArray();
        }
    }
}
