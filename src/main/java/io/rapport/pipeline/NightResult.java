package io.rapport.pipeline;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

/** What one nightly run did; the same facts land in the runs table. */
public record NightResult(String runId, LocalDate date, List<String> inputFiles, long read, long processed,
                          long quarantined, long events, Map<String, Long> quarantinedByReason,
                          ResolutionSummary resolution, Map<String, Long> stageMillis, Instant startedAt,
                          Instant finishedAt) {
}
