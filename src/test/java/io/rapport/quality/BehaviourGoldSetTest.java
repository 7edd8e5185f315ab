package io.rapport.quality;

import io.rapport.analysis.ConversationAnalyzer;
import io.rapport.analysis.language.LanguageDetectors;
import io.rapport.analysis.timing.InterruptionDetector;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The shipped language rules against the behaviours gold sets (src/test/resources/gold/behaviours.md): the three
 * development sets together must meet the bar for every detector; the held-out set, never used to change a rule,
 * is below the bar and held to regression floors under its measured figures (docs/metrics.md).
 */
class BehaviourGoldSetTest {

    static final double MIN_PRECISION = 0.85;
    static final double MIN_RECALL = 0.80;
    static final Path GOLD = Path.of("src/test/resources/gold");
    static final ConversationAnalyzer ANALYZER =
            ConversationAnalyzer.load(Optional.empty(), InterruptionDetector.DEFAULT_MIN_OVERLAP_MS, false);

    /** The detectors the bar applies to; empathy subtypes are reported, not gated. */
    static final List<String> GATED = new ArrayList<>(LanguageDetectors.BEHAVIORS);

    static {
        GATED.add(BehaviourEvaluation.ACKNOWLEDGEMENT);
    }

    @Test
    void developmentSetsTogetherMeetTheBarForEveryDetector() {
        GoldSet dev = new GoldSet(new ArrayList<>(GoldSet.read(GOLD.resolve("behaviours-1.jsonl")).items()));
        dev.items().addAll(GoldSet.read(GOLD.resolve("behaviours-2.jsonl")).items());
        dev.items().addAll(GoldSet.read(GOLD.resolve("behaviours-3.jsonl")).items());
        assertTrue(dev.items().size() >= 60 && dev.utterances() >= 600, "the issue asks for 60 conversations, 600 utterances");
        LabelAgreement.Result r = BehaviourEvaluation.evaluate(ANALYZER, dev);
        for (String label : GATED) {
            DetectorScore s = r.score(label);
            assertTrue(s.truePositives() + s.falseNegatives() >= 40, "too few gold examples to measure " + s);
            assertTrue(s.precision() >= MIN_PRECISION, s.toString());
            assertTrue(s.recall() >= MIN_RECALL, s.toString());
        }
    }

    /**
     * Measured with the shipped rules (docs/metrics.md), precision / recall: empathy 0.971 / 0.773, reflective
     * listening 0.724 / 0.808, blame 0.933 / 0.500, solution offered 0.805 / 0.717, recap 1.000 / 0.708,
     * complaint 0.909 / 0.685, acknowledgement 0.893 / 0.962. These are not the bar; the floors sit 0.05 below
     * the measured figures and catch a regression.
     */
    @Test
    void heldOutSetStaysAboveItsRegressionFloors() {
        LabelAgreement.Result r = BehaviourEvaluation.evaluate(ANALYZER, GoldSet.read(GOLD.resolve("behaviours-holdout-2.jsonl")));
        double[][] measured = {{0.971, 0.773}, {0.724, 0.808}, {0.933, 0.500}, {0.805, 0.717}, {1.000, 0.708},
                {0.909, 0.685}, {0.893, 0.962}};
        assertEquals(GATED.size(), measured.length);
        for (int i = 0; i < GATED.size(); i++) {
            DetectorScore s = r.score(GATED.get(i));
            assertTrue(s.precision() >= measured[i][0] - 0.05, s.toString());
            assertTrue(s.recall() >= measured[i][1] - 0.05, s.toString());
        }
    }
}
