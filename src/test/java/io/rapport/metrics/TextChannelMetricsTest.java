package io.rapport.metrics;

import org.junit.jupiter.api.Test;

import static io.rapport.metrics.MetricFixtures.CALL;
import static io.rapport.metrics.MetricFixtures.CHAT;
import static io.rapport.metrics.MetricFixtures.value;
import static io.rapport.testing.Conversations.agentMessage;
import static io.rapport.testing.Conversations.analyze;
import static io.rapport.testing.Conversations.customerMessage;
import static io.rapport.testing.Conversations.email;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

/** Message counts and response times for chat and email. */
class TextChannelMetricsTest {

    @Test
    void messageCountsPerParty() {
        assertEquals(2L, value("agent_messages", CHAT));
        assertEquals(4L, value("customer_messages", CHAT), "bot messages are not counted");
        assertNull(value("agent_messages", CALL));
    }

    @Test
    void firstResponseIsMeasuredFromTheFirstUnansweredCustomerMessage() {
        assertEquals(60000L, value("first_response_ms", CHAT), "61000 - 1000, not from the second message");
        assertNull(value("first_response_ms", CALL));
    }

    @Test
    void medianOfAnsweredWaits() {
        assertEquals(45000.0, value("median_agent_response_ms", CHAT), "median of 60000 and 30000");
        assertEquals(7200000.0, value("median_agent_response_ms", analyze(email(
                customerMessage(0, "Please cancel my plan"),
                agentMessage(3_600_000, "Done"),
                customerMessage(4_000_000, "Thanks, and the refund?"),
                agentMessage(11_200_000, "Sent"),
                customerMessage(12_000_000, "One more question"),
                agentMessage(102_000_000, "Answered")))), "waits 3.6M, 7.2M, 90M: the median is the middle one");
    }

    @Test
    void noCustomerMessageOrNoReplyGivesNull() {
        assertNull(value("first_response_ms", analyze(email(agentMessage(0, "Your plan renews soon")))));
        assertNull(value("median_agent_response_ms", analyze(email(customerMessage(0, "Hello?")))));
    }
}
