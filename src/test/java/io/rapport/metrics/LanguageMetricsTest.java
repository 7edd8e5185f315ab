package io.rapport.metrics;

import io.rapport.analysis.AnalyzedConversation;
import io.rapport.analysis.ConversationAnalyzer;
import io.rapport.analysis.timing.InterruptionDetector;
import io.rapport.model.Conversation;
import org.junit.jupiter.api.Test;

import java.util.Optional;

import static io.rapport.metrics.MetricFixtures.value;
import static io.rapport.testing.Conversations.agent;
import static io.rapport.testing.Conversations.agentMessage;
import static io.rapport.testing.Conversations.analyze;
import static io.rapport.testing.Conversations.chat;
import static io.rapport.testing.Conversations.customer;
import static io.rapport.testing.Conversations.customerMessage;
import static io.rapport.testing.Conversations.email;
import static io.rapport.testing.Conversations.voice;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The language metrics on hand-built conversations; every expected value is worked out in the comments. */
class LanguageMetricsTest {

    /** Sentiment off, so the counts below do not depend on the sentiment model. */
    static final ConversationAnalyzer LEXICAL =
            ConversationAnalyzer.load(Optional.empty(), InterruptionDetector.DEFAULT_MIN_OVERLAP_MS, false);

    static final Conversation CALL = voice(
            agent(0, 3000, "Thanks for calling, how can I help?"),                                 // question 1
            customer(3300, 12000, "This is ridiculous, my broadband has dropped every evening this week."), // complaint
            agent(12300, 16000, "That sounds really frustrating. So the broadband drops every evening?"),   // empathy:feeling, reflective, question 2
            customer(16200, 17000, "yeah"),                                                        // backchannel
            agent(17300, 22000, "We can reset the line from here and I can send you a new router."), // options: reset, send; we 1, you 1
            customer(22300, 25000, "Okay, thank you."),
            agent(25300, 30000, "So just to recap, I've reset the line and a new router arrives Friday.")); // recap: its action is not a new option

    static final AnalyzedConversation A = LEXICAL.analyze(CALL);

    @Test
    void statementCountsCountUtterances() {
        assertEquals(1L, value("empathy_statements", A));
        assertEquals(1L, value("empathy_feeling_statements", A));
        assertEquals(0L, value("empathy_apology_statements", A));
        assertEquals(1L, value("reflective_statements", A));
        assertEquals(0L, value("blame_statements", A));
        assertEquals(1L, value("customer_complaint_statements", A));
    }

    @Test
    void solutionsCountDistinctOptionsAndRecapIsInTheClosingPart() {
        assertEquals(2L, value("solutions_offered", A), "reset and send; the recap's reset is not a new option");
        assertEquals(Boolean.TRUE, value("recap_present", A));
        // The same call without its recap.
        Conversation noRecap = voice(CALL.utterances().subList(0, 6).stream()
                .map(u -> new io.rapport.testing.Conversations.Turn(u.speaker(), u.startMs(), u.endMs(), u.text()))
                .toArray(io.rapport.testing.Conversations.Turn[]::new));
        assertEquals(Boolean.FALSE, value("recap_present", LEXICAL.analyze(noRecap)));
    }

    @Test
    void empathyResponseRateIsTheShareOfComplaintsAnsweredWithEmpathy() {
        // One complaint (utterance 1), answered by the empathy statement of utterance 2.
        assertEquals(1.0, (double) value("empathy_response_rate", A), 1e-9);
        // Two complaints; the agent answers the second with a solution only: 1 of 2.
        Conversation c = chat(customerMessage(0, "I'm really fed up, nobody ever calls me back."),
                agentMessage(10_000, "I'm so sorry about that."),
                customerMessage(20_000, "This is absolutely ridiculous."),
                agentMessage(30_000, "I can book an engineer for Thursday."));
        assertEquals(0.5, (double) value("empathy_response_rate", LEXICAL.analyze(c)), 1e-9);
        // Verification first, then the apology: still an answer (the agent's second turn).
        Conversation verified = chat(customerMessage(0, "This is ridiculous, third time I've had to chase you."),
                agentMessage(10_000, "Can I take your postcode please?"),
                customerMessage(20_000, "AB1 2CD"),
                agentMessage(30_000, "Thanks. I'm so sorry you've had to chase us."));
        assertEquals(1.0, (double) value("empathy_response_rate", LEXICAL.analyze(verified)), 1e-9);
        assertEquals(1L, value("empathy_requests", LEXICAL.analyze(verified)));
        assertEquals(1L, value("empathy_responses", LEXICAL.analyze(verified)));
        // Two customer turns later is no longer an answer.
        Conversation late = chat(customerMessage(0, "This is ridiculous, third time I've had to chase you."),
                agentMessage(10_000, "Can I take your postcode please?"),
                customerMessage(20_000, "AB1 2CD"),
                agentMessage(30_000, "And your date of birth?"),
                customerMessage(40_000, "1 May 1980"),
                agentMessage(50_000, "Thanks. I'm so sorry you've had to chase us."));
        assertEquals(0.0, (double) value("empathy_response_rate", LEXICAL.analyze(late)), 1e-9);
        assertNull(value("empathy_response_rate", LEXICAL.analyze(chat(customerMessage(0, "Hi, what time do you open?"),
                agentMessage(10_000, "We open at nine.")))), "no complaint: nothing to respond to");
    }

    @Test
    void collaborationRatioIsWeOverWeAndYou() {
        assertEquals(0.5, (double) value("collaboration_ratio", A), 1e-9, "we 1, you 1");
        assertNull(value("collaboration_ratio", LEXICAL.analyze(chat(customerMessage(0, "Hello"),
                agentMessage(5_000, "Hello, how can I help?")))));
    }

    @Test
    void listeningScoreCombinesItsPartsAsDocumented() {
        // Talk: agent 3000+3700+4700+4700 = 16100 ms, customer 8700+800+2700 = 12200 ms, share 0.568904,
        //       part (0.8 - 0.568904) / 0.3 = 0.770318 x 25 = 19.258
        // Reflections 1 of 2 -> 0.5 x 25 = 12.5; acknowledgements by the agent 0 -> 0;
        // questions 2 of 3 -> 15 x 2/3 = 10; interruptions 0 -> 20.   Sum 61.758 of 100.
        double share = 16100.0 / 28300.0;
        assertEquals(25 * (0.8 - share) / 0.3 + 12.5 + 10 + 20, (double) value("listening_score", A), 1e-9);
        assertEquals(Boolean.TRUE, value("customer_opening_uninterrupted", A));
        // A chat scores reflections (weight 25) and questions (15) only: none of either here, so 0.
        assertEquals(0.0, (double) value("listening_score", LEXICAL.analyze(chat(customerMessage(0, "Hello"),
                agentMessage(5_000, "Hello.")))), 1e-9);
        assertNull(value("customer_opening_uninterrupted", LEXICAL.analyze(chat(customerMessage(0, "Hello"),
                agentMessage(5_000, "Hello.")))), "chats have no interruptions");
        assertNull(value("listening_score", LEXICAL.analyze(email(customerMessage(0, "Hello")))), "the agent said nothing");
    }

    @Test
    void anAgentCuttingIntoTheCustomersOpeningIsRecorded() {
        Conversation c = voice(agent(0, 2000, "Thanks for calling."),
                customer(2200, 9000, "Hi, I was charged twice for my order last week and"),
                agent(6000, 9500, "Right, I'll need your order number first."));
        assertEquals(Boolean.FALSE, value("customer_opening_uninterrupted", LEXICAL.analyze(c)));
    }

    @Test
    void sentimentIsNullWhenOffAndShowsACalmingCustomerWhenOn() {
        assertNull(value("customer_sentiment_start", A));
        assertNull(value("customer_sentiment_change", A));
        Conversation calming = chat(customerMessage(0, "This is terrible. I am furious and disgusted with your awful service."),
                agentMessage(10_000, "I'm so sorry, let me fix this now."),
                customerMessage(20_000, "Thank you so much, that is wonderful and really helpful. Great service."));
        AnalyzedConversation on = analyze(calming);
        double start = (double) value("customer_sentiment_start", on);
        double end = (double) value("customer_sentiment_end", on);
        assertTrue(start < 0 && end > 0, "start " + start + ", end " + end);
        assertEquals(end - start, (double) value("customer_sentiment_change", on), 1e-9);
        assertNull(value("customer_sentiment_change", analyze(chat(customerMessage(0, "Hi there, quick question."),
                agentMessage(10_000, "Sure.")))), "one customer utterance cannot show a change");
    }
}
