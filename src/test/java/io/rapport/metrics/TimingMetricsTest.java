package io.rapport.metrics;

import org.junit.jupiter.api.Test;

import static io.rapport.metrics.MetricFixtures.CALL;
import static io.rapport.metrics.MetricFixtures.CHAT;
import static io.rapport.metrics.MetricFixtures.SILENT_CALL;
import static io.rapport.metrics.MetricFixtures.value;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

/** Talk-time family: duration, talk per party, non-talk, crosstalk, talk share. */
class TimingMetricsTest {

    @Test
    void durationIsTheLastEndForVoiceAndTheLastMessageForText() {
        assertEquals(40000L, value("duration_ms", CALL));
        assertEquals(130000L, value("duration_ms", CHAT));
        assertEquals(0L, value("duration_ms", SILENT_CALL));
    }

    @Test
    void talkTimeMergesEachPartysIntervals() {
        // agent: 3000 + 400 + 5000 + 6000; customer: 11600 + 1200 + 2000 + 3500
        assertEquals(14400L, value("agent_talk_ms", CALL));
        assertEquals(18300L, value("customer_talk_ms", CALL));
        assertNull(value("agent_talk_ms", CHAT), "chat has no talk time");
        assertEquals(0L, value("customer_talk_ms", SILENT_CALL));
    }

    @Test
    void nonTalkIsDurationLessTimeAnyPartySpoke() {
        // party speech union: [0,3000] [3400,19000] [30000,36000] [36500,40000] = 28100; hold audio is non-talk
        assertEquals(11900L, value("non_talk_ms", CALL));
        assertNull(value("non_talk_ms", CHAT));
    }

    @Test
    void crosstalkIsTimeBothSpoke() {
        // [6000,6400] + [13000,15000] + [17800,18000] + [33000,35000]
        assertEquals(4600L, value("crosstalk_ms", CALL));
        assertNull(value("crosstalk_ms", CHAT));
    }

    @Test
    void agentTalkShare() {
        assertEquals(14400.0 / 32700.0, (Double) value("agent_talk_share", CALL), 1e-12);
        assertNull(value("agent_talk_share", SILENT_CALL), "no party spoke: no share");
        assertNull(value("agent_talk_share", CHAT));
    }
}
