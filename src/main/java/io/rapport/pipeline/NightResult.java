package io.rapport.pipeline;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

/**
 * What one nightly run did; the same facts land in the runs table.
 *
 * @param stageMillis    wall time of each stage
 * @param analysisMillis the analyze stage's task time summed over tasks: {@code nlp}, {@code detectors},
 *                       {@code redaction}
 */
public record NightResult(String runId, LocalDate date, List<String> inputFiles, long read, long processed,
                          long quarantined, long events, Map<String, Long> quarantinedByReason,
                          ResolutionSummary resolution, Map<String, Long> stageMillis,
                          Map<String, Long> analysisMillis, Instant startedAt, Instant finishedAt) {
}
