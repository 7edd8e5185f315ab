package io.rapport.metrics;

import org.junit.jupiter.api.Test;

import static io.rapport.metrics.MetricFixtures.CALL;
import static io.rapport.metrics.MetricFixtures.CHAT;
import static io.rapport.metrics.MetricFixtures.value;
import static org.junit.jupiter.api.Assertions.assertEquals;

class AcknowledgementCountTest {

    @Test
    void countsBackchannelsPerPartyOnEveryChannel() {
        assertEquals(1L, value("agent_acknowledgements", CALL));
        assertEquals(0L, value("customer_acknowledgements", CALL));
        assertEquals(1L, value("customer_acknowledgements", CHAT), "the customer's 'ok'");
        assertEquals(0L, value("agent_acknowledgements", CHAT));
    }
}
