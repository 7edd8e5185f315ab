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
 * The shipped detectors (rule files and utterance model) against the behaviours gold sets
 * (src/test/resources/gold/behaviours.md): the development sets together, which the rules were written from and
 * the model was trained on, must meet the bar for every detector; the held-out sets, never used to change a rule or
 * train the model, must meet it together, and each is held to regression floors under its
 * measured figures (docs/metrics.md).
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
        GoldSet dev = new GoldSet(new ArrayList<>());
        for (Path set : RulesCheck.developmentSets(GOLD, "behaviours")) {
            dev.items().addAll(GoldSet.read(set).items());
        }
        assertTrue(dev.items().size() >= 60 && dev.utterances() >= 600, "the issue asks for 60 conversations, 600 utterances");
        LabelAgreement.Result r = BehaviourEvaluation.evaluate(ANALYZER, dev);
        for (String label : GATED) {
            DetectorScore s = r.score(label);
            assertTrue(s.truePositives() + s.falseNegatives() >= 40, "too few gold examples to measure " + s);
            assertTrue(s.precision() >= MIN_PRECISION, s.toString());
            assertTrue(s.recall() >= MIN_RECALL, s.toString());
        }
    }

    /** The held-out sets, never used to write a rule or train the model (behaviours.md). */
    static final List<String> HELD_OUT = List.of("behaviours-holdout-3.jsonl", "behaviours-holdout-9.jsonl",
            "behaviours-holdout-10.jsonl", "behaviours-holdout-11.jsonl", "behaviours-holdout-12.jsonl",
            "behaviours-holdout-13.jsonl", "behaviours-holdout-14.jsonl", "behaviours-holdout-15.jsonl");
    /**
     * The held-out sets together (256 conversations) meet the bar for every detector: a single set of 32
     * conversations holds 13-28 restatements or blaming statements, too few to hold to the bar alone.
     */
    @Test
    void heldOutSetsTogetherMeetTheBar() {
        GoldSet held = new GoldSet(new ArrayList<>());
        HELD_OUT.forEach(f -> held.items().addAll(GoldSet.read(GOLD.resolve(f)).items()));
        LabelAgreement.Result r = BehaviourEvaluation.evaluate(ANALYZER, held);
        for (String label : GATED) {
            DetectorScore s = r.score(label);
            assertTrue(s.precision() >= MIN_PRECISION, s.toString());
            assertTrue(s.recall() >= MIN_RECALL, s.toString());
        }
    }

    /**
     * Measured with the shipped rules and model (docs/metrics.md), precision / recall, in {@link #GATED} order
     * (empathy, reflective listening, blame, solution offered, recap, complaint, acknowledgement). These are not the
     * bar; the floors sit 0.05 below the measured figures and catch a regression.
     */
    @Test
    void heldOutSetsStayAboveTheirRegressionFloors() {
        assertAboveFloors("behaviours-holdout-3.jsonl", new double[][] {{0.925, 0.881}, {0.909, 0.800}, {0.750, 0.800},
                {0.915, 0.956}, {1.000, 0.905}, {0.940, 0.808}, {0.958, 0.852}});
        assertAboveFloors("behaviours-holdout-9.jsonl", new double[][] {{0.891, 0.891}, {0.889, 0.941}, {0.895, 0.739},
                {0.889, 0.941}, {0.955, 0.955}, {0.845, 0.866}, {1.000, 0.920}});
        assertAboveFloors("behaviours-holdout-10.jsonl", new double[][] {{0.829, 0.810}, {0.933, 1.000}, {0.880, 0.815},
                {0.902, 0.868}, {0.950, 0.905}, {0.837, 0.889}, {0.955, 0.778}});
        assertAboveFloors("behaviours-holdout-11.jsonl", new double[][] {{0.933, 0.894}, {0.765, 0.929}, {0.923, 0.889},
                {0.955, 0.875}, {0.955, 0.955}, {0.857, 0.847}, {1.000, 0.920}});
        assertAboveFloors("behaviours-holdout-12.jsonl", new double[][] {{0.900, 0.973}, {0.867, 1.000}, {0.852, 0.885},
                {0.844, 0.884}, {0.958, 0.958}, {0.908, 0.873}, {1.000, 0.857}});
        assertAboveFloors("behaviours-holdout-13.jsonl", new double[][] {{0.925, 0.949}, {1.000, 0.923}, {0.900, 0.818},
                {0.827, 0.860}, {1.000, 0.920}, {0.918, 0.882}, {0.962, 0.893}});
        assertAboveFloors("behaviours-holdout-14.jsonl", new double[][] {{0.919, 0.895}, {0.917, 1.000}, {0.889, 0.696},
                {0.833, 0.882}, {1.000, 0.900}, {0.890, 0.774}, {1.000, 0.893}});
        assertAboveFloors("behaviours-holdout-15.jsonl", new double[][] {{0.913, 0.955}, {0.813, 1.000}, {0.857, 0.857},
                {0.851, 0.800}, {0.957, 0.917}, {0.875, 0.921}, {0.917, 0.957}});
    }

    static void assertAboveFloors(String file, double[][] measured) {
        LabelAgreement.Result r = BehaviourEvaluation.evaluate(ANALYZER, GoldSet.read(GOLD.resolve(file)));
        assertEquals(GATED.size(), measured.length);
        for (int i = 0; i < GATED.size(); i++) {
            DetectorScore s = r.score(GATED.get(i));
            assertTrue(s.precision() >= measured[i][0] - 0.05, file + " " + s);
            assertTrue(s.recall() >= measured[i][1] - 0.05, file + " " + s);
        }
    }
}
