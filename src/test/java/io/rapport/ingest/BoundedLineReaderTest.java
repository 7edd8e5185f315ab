package io.rapport.ingest;

import org.junit.jupiter.api.Test;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

class BoundedLineReaderTest {

    static List<BoundedLineReader.Line> lines(byte[] bytes, int max) throws IOException {
        List<BoundedLineReader.Line> out = new ArrayList<>();
        try (BoundedLineReader r = new BoundedLineReader(new ByteArrayInputStream(bytes), max)) {
            for (BoundedLineReader.Line l = r.next(); l != null; l = r.next()) {
                out.add(l);
            }
        }
        return out;
    }

    static List<BoundedLineReader.Line> lines(String text, int max) throws IOException {
        return lines(text.getBytes(StandardCharsets.UTF_8), max);
    }

    @Test
    void numbersLinesAndHandlesCrLfBomAndMissingFinalNewline() throws IOException {
        List<BoundedLineReader.Line> l = lines("\uFEFFfirst\r\n\nthird é", 100);
        assertEquals(3, l.size());
        assertEquals(new BoundedLineReader.Line(1, "first", null), l.get(0));
        assertEquals(new BoundedLineReader.Line(2, "", null), l.get(1));
        assertEquals(new BoundedLineReader.Line(3, "third é", null), l.get(2));
    }

    @Test
    void oversizedLineIsReportedAndTheNextLineIsIntact() throws IOException {
        String big = "x".repeat(200_000);
        List<BoundedLineReader.Line> l = lines("ok\n" + big + "\nafter\n", 1000);
        assertEquals(3, l.size());
        assertEquals(BoundedLineReader.Problem.OVERSIZED, l.get(1).problem());
        assertEquals(2, l.get(1).number());
        assertTrue(l.get(1).text().length() <= 1000, "only a bounded preview is kept");
        assertEquals(new BoundedLineReader.Line(3, "after", null), l.get(2));
    }

    @Test
    void lineExactlyAtTheLimitIsAccepted() throws IOException {
        List<BoundedLineReader.Line> l = lines("y".repeat(1000) + "\n", 1000);
        assertNull(l.get(0).problem());
        assertEquals(1000, l.get(0).text().length());
    }

    @Test
    void invalidUtf8IsReportedPerLine() throws IOException {
        byte[] bytes = {'a', '\n', (byte) 0xC3, (byte) 0x28, '\n', 'b'};
        List<BoundedLineReader.Line> l = lines(bytes, 100);
        assertNull(l.get(0).problem());
        assertEquals(BoundedLineReader.Problem.INVALID_ENCODING, l.get(1).problem());
        assertEquals(new BoundedLineReader.Line(3, "b", null), l.get(2));
    }

    @Test
    void peekDoesNotConsume() throws IOException {
        try (BoundedLineReader r = new BoundedLineReader(new ByteArrayInputStream("a\nb".getBytes()), 10)) {
            assertEquals("a", r.peek().text());
            assertEquals("a", r.next().text());
            assertEquals("b", r.next().text());
            assertNull(r.next());
        }
    }
}
