package io.rapport.analysis.language;

import io.rapport.model.Speaker;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class UtteranceModelTest {

    static final String TEXT = """
            # two labels
            labels\tblame\trecap
            threshold\t0.60\t0.30
            bias\t-2\t-1
            w:calm_down\t3\t0
            w:recap\t0\t2.5
            """;

    static double sigmoid(double z) {
        return 1 / (1 + Math.exp(-z));
    }

    @Test
    void probabilityIsTheLogisticOfTheSummedWeightsOfThePresentFeatures() {
        UtteranceModel m = UtteranceModel.parse("test", TEXT);
        assertEquals(List.of("blame", "recap"), m.labels());
        double[] p = m.probabilities(Set.of("bias", "w:calm_down", "w:unknown"));
        assertEquals(sigmoid(1), m.probability(p, "blame"), 1e-9);
        assertEquals(sigmoid(-1), m.probability(p, "recap"), 1e-9);
        assertTrue(m.adds(p, "blame"), "0.73 reaches the 0.60 threshold");
        assertFalse(m.adds(p, "recap"), "0.27 is under the 0.30 threshold");
        double[] none = m.probabilities(Set.of("bias"));
        assertTrue(m.confirms(none, "blame"), "0.12 is above the veto");
        assertFalse(m.confirms(new double[] {0.01, 0.5}, "blame"), "0.01 is under the veto");
        assertThrows(IllegalArgumentException.class, () -> m.adds(p, "empathy"));
    }

    @Test
    void formatWritesWhatParseReads() {
        UtteranceModel m = new UtteranceModel(List.of("a", "b"), new double[] {0.35, 0.9},
                Map.of("bias", new float[] {-1.5f, 0.25f}, "w:so", new float[] {0.001234f, 0}));
        UtteranceModel back = UtteranceModel.parse("round trip", m.format("trained on nothing\nsecond line"));
        assertEquals(m.format("x"), back.format("x"));
        double[] p = back.probabilities(Set.of("bias", "w:so"));
        assertEquals(sigmoid(-1.5 + 0.001234), p[0], 1e-6);
        assertFalse(back.adds(new double[] {0.34, 0.95}, "a"));
        assertTrue(back.adds(new double[] {0.35, 0.95}, "b"));
    }

    @Test
    void aMalformedFileIsRejectedWithTheLine() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> UtteranceModel.parse("edited.tsv", "labels\ta\tb\nthreshold\t0.5\t0.5\nw:x\t1\n"));
        assertTrue(e.getMessage().contains("edited.tsv line 3"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class,
                () -> UtteranceModel.parse("edited.tsv", "labels\ta\nthreshold\tzero\n"));
        assertTrue(e.getMessage().contains("line 2"), e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> UtteranceModel.parse("empty.tsv", "# nothing\n"));
    }

    @Test
    void theShippedModelKnowsEveryLabelTheDetectorsAskFor() {
        UtteranceModel m = UtteranceModel.load(Optional.empty());
        double[] p = m.probabilities(UtteranceFeatures.of(NlpPipeline.sentences("I'm so sorry about that."), List.of(),
                0.5, Speaker.AGENT));
        for (String b : LanguageDetectors.BEHAVIORS) {
            assertTrue(m.probability(p, b) >= 0 && m.probability(p, b) <= 1, b);
        }
        LanguageDetectors.EMPATHY_KINDS.forEach(k -> m.probability(p, "empathy:" + k));
        assertTrue(m.probability(p, "empathy:apology") > 0.5, "an apology for the customer's trouble");
        assertTrue(m.probability(p, "blame") < 0.1);
        m.probability(p, "resolution_confirmed");
        m.probability(p, "unresolved_signal");
    }
}
