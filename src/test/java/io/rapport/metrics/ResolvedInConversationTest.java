package io.rapport.metrics;

import org.junit.jupiter.api.Test;

import static io.rapport.metrics.MetricFixtures.CALL;
import static io.rapport.metrics.MetricFixtures.CHAT;
import static io.rapport.metrics.MetricFixtures.value;
import static io.rapport.testing.Conversations.agent;
import static io.rapport.testing.Conversations.analyze;
import static io.rapport.testing.Conversations.customer;
import static io.rapport.testing.Conversations.voice;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

class ResolvedInConversationTest {

    @Test
    void trueWhenTheCustomerConfirmsLastFalseWhenLeftOpenNullWithoutEvidence() {
        assertEquals(Boolean.TRUE, value("resolved_in_conversation", CALL), "ends with 'great that fixes it'");
        assertNull(value("resolved_in_conversation", CHAT), "a delivery update and 'thanks' confirm nothing");
        assertEquals(Boolean.FALSE, value("resolved_in_conversation", analyze(voice(
                customer(0, 4000, "my router keeps dropping the connection"),
                agent(4500, 9000, "I'm going to transfer you to our technical team"),
                customer(9500, 10500, "fine")))));
    }
}
