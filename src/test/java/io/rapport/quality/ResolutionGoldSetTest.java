package io.rapport.quality;

import io.rapport.resolution.ResolutionDetector;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The shipped resolution detector (rule file and utterance model) against every hand-labelled gold set: the
 * development sets the rules were written against and the model was trained on, and the held-out sets nobody
 * tuned either on. The bar is stated in docs/metrics.md.
 */
class ResolutionGoldSetTest {

    static final Path GOLD = Path.of("src/test/resources/gold");
    static final double MIN_PRECISION = 0.85;
    static final double MIN_RECALL = 0.80;
    static final double MIN_VERDICT_ACCURACY = 0.80;

    static final List<String> HELD_OUT = List.of("resolution-holdout-7.jsonl", "resolution-holdout-9.jsonl",
            "resolution-holdout-15.jsonl", "resolution-holdout-17.jsonl", "resolution-holdout-18.jsonl");

    /**
     * The held-out sets are held to the bar together (260 conversations: confirmed 0.920 / 0.837, unresolved
     * 0.878 / 0.850 today). One set of 52 conversations holds only 20-30 of each signal, so its recall moves by
     * about 0.07 with a single utterance pattern; set by set they are held to these regression floors
     * (docs/metrics.md: holdout-7 confirmed 0.905 / 0.905, unresolved 0.838 / 0.775, verdict 0.923; holdout-9
     * 0.947 / 0.818, 0.921 / 0.833, 0.885; holdout-15 0.875 / 0.750, 0.923 / 0.837, 0.827; holdout-17 0.957 /
     * 0.786, 0.811 / 0.915, 0.885; holdout-18 0.920 / 0.958, 0.913 / 0.875, 1.000).
     */
    static final double HELD_OUT_MIN_PRECISION = 0.80;
    static final double HELD_OUT_MIN_RECALL = 0.70;
    static final double HELD_OUT_MIN_VERDICT_ACCURACY = 0.80;

    static List<String> developmentSets() {
        List<String> sets = RulesCheck.developmentSets(GOLD, "resolution").stream().map(f -> f.getFileName().toString()).toList();
        assertTrue(sets.size() >= 6, sets.toString());
        return sets;
    }

    @ParameterizedTest
    @MethodSource("developmentSets")
    void developmentSetsMeetTheBar(String file) {
        assertAtLeast(file, MIN_PRECISION, MIN_RECALL, MIN_VERDICT_ACCURACY);
    }

    @Test
    void heldOutSetsTogetherMeetTheBar() {
        List<GoldSet.Item> items = new ArrayList<>();
        HELD_OUT.forEach(f -> items.addAll(GoldSet.read(GOLD.resolve(f)).items()));
        GoldSet pooled = new GoldSet(items);
        assertTrue(pooled.items().size() >= 250, "held-out conversations: " + pooled.items().size());
        assertAtLeast("held-out sets together", measure("held-out sets together", pooled), MIN_PRECISION, MIN_RECALL,
                MIN_VERDICT_ACCURACY);
    }

    @ParameterizedTest
    @MethodSource("heldOutSets")
    void eachHeldOutSetStaysAboveItsRegressionFloors(String file) {
        assertAtLeast(file, HELD_OUT_MIN_PRECISION, HELD_OUT_MIN_RECALL, HELD_OUT_MIN_VERDICT_ACCURACY);
    }

    static List<String> heldOutSets() {
        return HELD_OUT;
    }

    static void assertAtLeast(String file, double precision, double recall, double verdictAccuracy) {
        assertAtLeast(file, measure(file), precision, recall, verdictAccuracy);
    }

    static void assertAtLeast(String file, ResolutionEvaluation.Result r, double precision, double recall,
                              double verdictAccuracy) {
        for (DetectorScore s : r.scores()) {
            assertTrue(s.precision() >= precision, file + " " + s);
            assertTrue(s.recall() >= recall, file + " " + s);
        }
        assertTrue(r.verdictAccuracy() >= verdictAccuracy, file + " verdict accuracy " + r.verdictAccuracy());
    }

    static ResolutionEvaluation.Result measure(String file) {
        GoldSet gold = GoldSet.read(GOLD.resolve(file));
        assertTrue(gold.items().size() >= 45 && gold.utterances() >= 450, file + " is too small to measure");
        return measure(file, gold);
    }

    static ResolutionEvaluation.Result measure(String file, GoldSet gold) {
        ResolutionEvaluation.Result r = ResolutionEvaluation.evaluate(ResolutionDetector.load(Optional.empty()), gold);
        r.scores().forEach(s -> System.out.println("gold " + file + ": " + s));
        System.out.printf("gold %s: resolved_in_conversation agrees on %d of %d conversations (%.3f)%n", file,
                r.verdictAgreements(), r.conversations(), r.verdictAccuracy());
        return r;
    }
}
