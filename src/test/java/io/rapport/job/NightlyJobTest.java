package io.rapport.job;

import io.rapport.testing.Conversations;
import io.rapport.testing.Landing;
import io.rapport.testing.SharedSpark;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** What a scheduler sees: exit codes and messages. */
class NightlyJobTest {

    @TempDir
    Path tmp;
    final ByteArrayOutputStream out = new ByteArrayOutputStream();
    final ByteArrayOutputStream err = new ByteArrayOutputStream();

    ExitCode run(String... args) {
        return NightlyJob.run(JobArguments.parse(args), SharedSpark.session(),
                new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8));
    }

    String err() {
        return err.toString(StandardCharsets.UTF_8);
    }

    @Test
    void usageErrorsAreRejectedBeforeAnythingRuns() {
        assertThrows(IllegalArgumentException.class, () -> JobArguments.parse(new String[] {}));
        assertThrows(IllegalArgumentException.class, () -> JobArguments.parse(new String[] {"--date", "22/11/2026"}));
        assertThrows(IllegalArgumentException.class, () -> JobArguments.parse(new String[] {"--date"}));
        assertThrows(IllegalArgumentException.class,
                () -> JobArguments.parse(new String[] {"--from", "2026-11-22", "--to", "2026-11-20"}));
        assertThrows(IllegalArgumentException.class,
                () -> JobArguments.parse(new String[] {"--date", "2026-11-22", "--from", "2026-11-20"}));
        assertThrows(IllegalArgumentException.class,
                () -> JobArguments.parse(new String[] {"--date", "2026-11-22", "--max-record-bytes", "-1"}));
        assertThrows(IllegalArgumentException.class, () -> JobArguments.parse(new String[] {"--dates", "x"}));
    }

    @Test
    void rangeExpandsToEveryNightInOrder() {
        JobArguments a = JobArguments.parse(new String[] {"--from", "2026-11-29", "--to", "2026-12-01"});
        assertEquals(3, a.dates().size());
        assertEquals(LocalDate.of(2026, 12, 1), a.dates().get(2));
        assertEquals("local[*]", a.master());
    }

    @Test
    void missingInputFolderExitsWithCode3AndNamesThePath() {
        assertEquals(ExitCode.INPUT_MISSING, run("--date", "2026-11-22", "--input", tmp.resolve("nowhere").toString(),
                "--warehouse", tmp.resolve("wh").toString()));
        assertTrue(err().contains("nowhere/date=2026-11-22"), err());
    }

    @Test
    void unusableWarehouseExitsWithCode4() throws Exception {
        Landing.write(Landing.night(tmp.resolve("in"), LocalDate.of(2026, 11, 22)).resolve("a.jsonl"),
                Landing.jsonLine(Conversations.call(), "c-1", "cu-1"));
        Path notADirectory = Files.writeString(tmp.resolve("wh"), "a file, not a folder");
        assertEquals(ExitCode.WAREHOUSE_UNUSABLE, run("--date", "2026-11-22", "--input", tmp.resolve("in").toString(),
                "--warehouse", notADirectory.toString()));
        assertTrue(err().contains("cannot run"), err());
    }

    @Test
    void backfillStopsAtTheFirstNightThatCannotRunAfterPublishingTheEarlierOnes() {
        Path in = tmp.resolve("in");
        Landing.write(Landing.night(in, LocalDate.of(2026, 11, 20)).resolve("a.jsonl"),
                Landing.jsonLine(Conversations.call(), "c-1", "cu-1"));
        Path wh = tmp.resolve("wh");
        assertEquals(ExitCode.INPUT_MISSING, run("--from", "2026-11-20", "--to", "2026-11-21",
                "--input", in.toString(), "--warehouse", wh.toString()));
        String printed = out.toString(StandardCharsets.UTF_8);
        assertTrue(printed.contains("read 1 = processed 1 + quarantined 0"), printed);
        assertTrue(Files.isDirectory(wh.resolve("conversations/date=2026-11-20")));
        assertTrue(err().contains("date=2026-11-21 does not exist"), err());
    }
}
