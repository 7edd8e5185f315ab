package io.rapport.metrics;

import org.junit.jupiter.api.Test;

import static io.rapport.metrics.MetricFixtures.CALL;
import static io.rapport.metrics.MetricFixtures.CHAT;
import static io.rapport.metrics.MetricFixtures.SILENT_CALL;
import static io.rapport.metrics.MetricFixtures.value;
import static io.rapport.testing.Conversations.agent;
import static io.rapport.testing.Conversations.analyze;
import static io.rapport.testing.Conversations.customer;
import static io.rapport.testing.Conversations.voice;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

class LongestCustomerTurnTest {

    @Test
    void turnEndsWhenTheAgentTakesTheFloorNotAtABackchannel() {
        // turns: 3400 -> agent takes floor at 13000 (the mm-hmm at 6000 does not end it) = 9600;
        // 17800 -> 19000 = 1200; 33000 -> 40000 (two customer utterances, no agent turn between) = 7000
        assertEquals(9600L, value("longest_customer_turn_ms", CALL));
    }

    @Test
    void consecutiveCustomerUtterancesFormOneTurn() {
        assertEquals(12000L, value("longest_customer_turn_ms", analyze(voice(
                customer(0, 5000, "first part"),
                customer(5200, 12000, "second part"),
                agent(12500, 14000, "I see what you mean, let me help")))));
    }

    @Test
    void nullWhenTheCustomerNeverSpokeOrNotVoice() {
        assertNull(value("longest_customer_turn_ms", SILENT_CALL));
        assertNull(value("longest_customer_turn_ms", CHAT));
    }
}
