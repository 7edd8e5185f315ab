package io.rapport.job;

import io.rapport.privacy.PseudonymKey;
import io.rapport.sample.SampleGenerator;
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
import static org.junit.jupiter.api.Assumptions.assumeTrue;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** What a scheduler sees: exit codes and messages. */
class NightlyJobTest {

    @TempDir
    Path tmp;
    final ByteArrayOutputStream out = new ByteArrayOutputStream();
    final ByteArrayOutputStream err = new ByteArrayOutputStream();

    /** Runs on a landing folder of its own, so with a pseudonym key from a file as in production. */
    ExitCode run(String... args) {
        Path keyFile = tmp.resolve("pseudonym.key");
        try {
            Files.writeString(keyFile, "a-test-key-of-thirty-two-chars!!\n");
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        String[] withKey = java.util.Arrays.copyOf(args, args.length + 2);
        withKey[args.length] = "--pseudonym-key-file";
        withKey[args.length + 1] = keyFile.toString();
        return NightlyJob.run(JobArguments.parse(withKey), SharedSpark.session(),
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
    void ownInputWithoutAKeyIsRefusedAndSaysWhatToSet() throws Exception {
        assumeTrue(System.getenv(PseudonymKey.ENV) == null, "the environment sets a key");
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> JobArguments.parse(
                new String[] {"--date", "2026-11-22", "--input", tmp.toString()}));
        assertTrue(e.getMessage().contains(PseudonymKey.ENV) && e.getMessage().contains("--pseudonym-key-file"),
                e.getMessage());
        // Generated samples, bundled (the default input) or written anywhere, run with the marked demo key.
        assertEquals(PseudonymKey.DEMO, JobArguments.parse(new String[] {"--date", "2026-11-22"}).options().pseudonymKey());
        SampleGenerator.writeNight(tmp.resolve("generated"), LocalDate.of(2026, 11, 22),
                SampleGenerator.Options.defaults());
        assertEquals(PseudonymKey.DEMO, JobArguments.parse(new String[] {"--date", "2026-11-22", "--input",
                tmp.resolve("generated").toString()}).options().pseudonymKey());
    }

    @Test
    void keyFileIsReadAndATooShortKeyIsRefused() throws Exception {
        Path good = Files.writeString(tmp.resolve("good.key"), "0123456789abcdef0123\n");
        PseudonymKey key = JobArguments.parse(new String[] {"--date", "2026-11-22", "--input", tmp.toString(),
                "--pseudonym-key-file", good.toString()}).options().pseudonymKey();
        assertEquals("file", key.source());
        assertTrue(key.pseudonym("cu-1").matches("cus_[0-9a-f]{20}"), key.pseudonym("cu-1"));
        assertTrue(!key.pseudonym("cu-1").equals(PseudonymKey.DEMO.pseudonym("cu-1")));
        Path shortKey = Files.writeString(tmp.resolve("short.key"), "too-short");
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> JobArguments.parse(
                new String[] {"--date", "2026-11-22", "--input", tmp.toString(), "--pseudonym-key-file",
                        shortKey.toString()}));
        assertTrue(e.getMessage().contains("shorter than 16"), e.getMessage());
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
