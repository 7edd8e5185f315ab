package io.rapport.metrics;

import org.junit.jupiter.api.Test;

import static io.rapport.metrics.MetricFixtures.CALL;
import static io.rapport.metrics.MetricFixtures.CHAT;
import static io.rapport.metrics.MetricFixtures.SILENT_CALL;
import static io.rapport.metrics.MetricFixtures.value;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

/** Interruption counts, overlap and rate per party. */
class InterruptionMetricsTest {

    @Test
    void countsPerInterrupter() {
        assertEquals(1L, value("agent_interruptions", CALL), "utterance 3; the mm-hmm is not one");
        assertEquals(1L, value("customer_interruptions", CALL), "utterance 7; the 200 ms overlap of 4 is not one");
    }

    @Test
    void overlapOfEachPartysInterruptions() {
        assertEquals(2000L, value("agent_interruption_overlap_ms", CALL));
        assertEquals(2000L, value("customer_interruption_overlap_ms", CALL));
    }

    @Test
    void ratePerTenMinutes() {
        // 1 interruption in 40 s = 15 per 10 min
        assertEquals(15.0, (Double) value("agent_interruptions_per_10min", CALL), 1e-12);
        assertEquals(15.0, (Double) value("customer_interruptions_per_10min", CALL), 1e-12);
        assertNull(value("agent_interruptions_per_10min", SILENT_CALL), "zero-length call has no rate");
    }

    @Test
    void nullNotZeroForChatAndEmail() {
        for (String m : new String[] {"agent_interruptions", "customer_interruptions", "agent_interruption_overlap_ms",
                "customer_interruption_overlap_ms", "agent_interruptions_per_10min", "customer_interruptions_per_10min"}) {
            assertNull(value(m, CHAT), m);
        }
    }
}
