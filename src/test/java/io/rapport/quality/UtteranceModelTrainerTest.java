package io.rapport.quality;

import io.rapport.analysis.language.UtteranceModel;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class UtteranceModelTrainerTest {

    /**
     * The shipped model is the one the committed gold sets train: a gold set edited without re-running
     * jobs/train-model fails here, not silently in a night.
     */
    @Test
    void theShippedModelIsTheOneTheDevelopmentGoldSetsTrain() {
        StringBuilder report = new StringBuilder();
        UtteranceModel trained = UtteranceModelTrainer.train(Path.of("src/test/resources/gold"), report);
        String[] fresh = trained.format("").split("\n");
        String[] shipped = UtteranceModel.load(Optional.empty()).format("").split("\n");
        assertEquals(shipped.length, fresh.length, "feature count; re-run jobs/train-model after changing a gold set");
        for (int i = 0; i < fresh.length; i++) {
            String[] a = shipped[i].split("\t");
            String[] b = fresh[i].split("\t");
            assertEquals(a[0], b[0], "line " + i);
            for (int k = 1; k < a.length; k++) {
                if (!a[0].equals("labels")) {
                    double x = Double.parseDouble(a[k]);
                    double y = Double.parseDouble(b[k]);
                    assertTrue(Math.abs(x - y) <= 1e-3 * Math.max(1, Math.abs(x)), shipped[i] + " vs " + fresh[i]);
                }
            }
        }
        assertTrue(report.toString().contains("behaviours-6.jsonl") && !report.toString().contains("holdout"),
                "trained on the development sets only: " + report);
        for (UtteranceModelTrainer.Target t : UtteranceModelTrainer.TARGETS) {
            assertTrue(report.toString().contains(t.label() + ": "), "every label's threshold is reported: " + t);
        }
    }
}
