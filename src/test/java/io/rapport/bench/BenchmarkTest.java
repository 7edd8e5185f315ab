package io.rapport.bench;

import io.rapport.sample.SampleGenerator;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The benchmark's own bookkeeping: what it measures the ceiling on, and the arguments it accepts. */
class BenchmarkTest {

    @Test
    void theCeilingCanBeMeasuredOnTheNightsFirstConversationsWhileTheRowCountsTheWholeNight(@TempDir Path tmp)
            throws Exception {
        SampleGenerator.writeNight(tmp, Benchmark.NIGHT, SampleGenerator.Options.defaults().withConversations(30)
                .withBadRecords(false).withAsrShare(Benchmark.ASR_SHARE));
        Path night = tmp.resolve("date=" + Benchmark.NIGHT);

        // Chunks of 8: the limit of 12 ends inside the second chunk, and the last two chunks are only counted.
        Benchmark.Ceiling sampled = Benchmark.Ceiling.measure(night, 12, 8, 1, false);
        assertEquals(30, sampled.night().conversations());
        assertEquals(12, sampled.over().conversations());
        assertTrue(sampled.seconds() > 0, "the annotators' time is measured");
        assertTrue(sampled.cpuSeconds() > 0, "and the CPU time they used, which tells a run that shared the machine");

        Benchmark.Ceiling whole = Benchmark.Ceiling.measure(night, 30, 8, 1, false);
        assertEquals(sampled.night(), whole.night());
        assertEquals(whole.night(), whole.over());
        assertTrue(whole.over().words() > sampled.over().words());
    }

    @Test
    void argumentsAreCheckedBeforeAnythingRuns() {
        Benchmark.Options o = Benchmark.Options.parse(new String[] {"--conversations", "1000000",
                "--ceiling-conversations", "100000", "--sentiment", "on", "--cores", "2"});
        assertEquals(1_000_000, o.conversations());
        assertEquals(100_000, o.ceilingConversations());
        assertTrue(o.sentiment());
        assertEquals(5000, Benchmark.Options.parse(new String[] {"--conversations", "5000"}).ceilingConversations(),
                "by default the ceiling is measured on the whole night");

        assertThrows(IllegalArgumentException.class, () -> Benchmark.Options.parse(
                new String[] {"--conversations", "100", "--ceiling-conversations", "101"}));
        assertThrows(IllegalArgumentException.class, () -> Benchmark.Options.parse(new String[] {"--ceiling", "10"}));
        assertThrows(IllegalArgumentException.class, () -> Benchmark.Options.parse(new String[] {"--sentiment", "yes"}));
        assertThrows(IllegalArgumentException.class, () -> Benchmark.Options.parse(new String[] {"--conversations"}));
    }
}
