package io.rapport.quality;

import io.rapport.resolution.ResolutionDetector;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertTrue;

/** The shipped resolution rules against the hand-labelled gold set; the bar is stated in docs/metrics.md. */
class ResolutionGoldSetTest {

    static final double MIN_PRECISION = 0.85;
    static final double MIN_RECALL = 0.80;
    static final double MIN_VERDICT_ACCURACY = 0.80;

    @Test
    void shippedRulesMeetTheBar() {
        GoldSet gold = GoldSet.read(Path.of("src/test/resources/gold/resolution.jsonl"));
        assertTrue(gold.items().size() >= 60 && gold.utterances() >= 600, "the gold set is too small to measure");
        ResolutionEvaluation.Result r = ResolutionEvaluation.evaluate(ResolutionDetector.load(Optional.empty()), gold);
        r.scores().forEach(s -> System.out.println("gold resolution: " + s));
        System.out.printf("gold resolution: resolved_in_conversation agrees on %d of %d conversations (%.3f)%n",
                r.verdictAgreements(), r.conversations(), r.verdictAccuracy());
        r.misses().forEach(m -> System.out.println("  miss " + m));
        for (DetectorScore s : r.scores()) {
            assertTrue(s.precision() >= MIN_PRECISION, s.toString());
            assertTrue(s.recall() >= MIN_RECALL, s.toString());
        }
        assertTrue(r.verdictAccuracy() >= MIN_VERDICT_ACCURACY, "verdict accuracy " + r.verdictAccuracy());
    }
}
