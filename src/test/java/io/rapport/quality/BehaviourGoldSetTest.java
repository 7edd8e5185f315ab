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
 * train the model, are below the bar on some detectors and held to regression floors under their measured figures
 * (docs/metrics.md).
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

    /**
     * Measured with the shipped rules and model (docs/metrics.md), precision / recall, in {@link #GATED} order
     * (empathy, reflective listening, blame, solution offered, recap, complaint, acknowledgement). These are not the
     * bar; the floors sit 0.05 below the measured figures and catch a regression.
     */
    @Test
    void heldOutSetsStayAboveTheirRegressionFloors() {
        assertAboveFloors("behaviours-holdout-3.jsonl", new double[][] {{0.897, 0.833}, {0.905, 0.760}, {0.909, 0.667},
                {0.894, 0.933}, {1.000, 0.905}, {0.897, 0.782}, {0.958, 0.852}});
        assertAboveFloors("behaviours-holdout-9.jsonl", new double[][] {{0.875, 0.891}, {0.833, 0.882}, {0.842, 0.696},
                {0.873, 0.941}, {0.952, 0.909}, {0.864, 0.854}, {1.000, 0.920}});
        assertAboveFloors("behaviours-holdout-10.jsonl", new double[][] {{0.846, 0.786}, {0.867, 0.929}, {0.909, 0.741},
                {0.833, 0.849}, {0.944, 0.810}, {0.855, 0.877}, {0.955, 0.778}});
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
