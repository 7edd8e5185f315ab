package io.rapport.pipeline;

import org.apache.spark.SparkContext;
import org.apache.spark.util.LongAccumulator;

import java.io.Serializable;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Where the analysis stage's task time goes, summed over its tasks: CoreNLP annotation ({@code nlp}), everything
 * else the detectors and metrics do ({@code detectors}), and redacting the events' excerpts ({@code redaction}).
 * On N cores the sum is up to N times the stage's wall time. It tells a quality team what an edit to the rule
 * files cost the night, and says how far the job is from the annotators' own speed.
 */
final class AnalysisTime implements Serializable {

    private final LongAccumulator nlp;
    private final LongAccumulator detectors;
    private final LongAccumulator redaction;

    AnalysisTime(SparkContext sc) {
        nlp = sc.longAccumulator("analysis_nlp_ns");
        detectors = sc.longAccumulator("analysis_detectors_ns");
        redaction = sc.longAccumulator("analysis_redaction_ns");
    }

    /** One conversation's share, in nanoseconds. */
    void add(long nlpNanos, long detectorNanos, long redactionNanos) {
        nlp.add(nlpNanos);
        detectors.add(detectorNanos);
        redaction.add(redactionNanos);
    }

    /**
     * The totals in milliseconds. Spark may count a task twice when it runs it again (a lost executor, an evicted
     * cache block), so after a retry the figures can exceed the work one pass needs.
     */
    Map<String, Long> millis() {
        Map<String, Long> m = new LinkedHashMap<>();
        m.put("nlp", nlp.value() / 1_000_000);
        m.put("detectors", detectors.value() / 1_000_000);
        m.put("redaction", redaction.value() / 1_000_000);
        return m;
    }
}
