package io.rapport.analysis;

import org.junit.jupiter.api.Test;

import java.util.List;

import static io.rapport.testing.Conversations.agent;
import static io.rapport.testing.Conversations.agentMessage;
import static io.rapport.testing.Conversations.analyze;
import static io.rapport.testing.Conversations.chat;
import static io.rapport.testing.Conversations.customer;
import static io.rapport.testing.Conversations.customerMessage;
import static io.rapport.testing.Conversations.voice;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

class ConversationAnalyzerTest {

    @Test
    void eventsSitOnTheUtteranceThatShowsTheBehaviour() {
        AnalyzedConversation a = analyze(voice(
                customer(0, 9000, "the engineer never showed up and I took a day off work"),
                agent(2000, 2500, "mm-hmm"),
                agent(8000, 12000, "that is because you booked the wrong slot")));
        // A no-show that cost the customer a day off is a complaint (the labelling guide); the utterance model finds it.
        assertEquals(List.of(
                new BehaviorEvent("c-test", "ag-1", 0, "customer", "complaint", "model", 0,
                        "the engineer never showed up and I took a day off work", "complaint.model"),
                new BehaviorEvent("c-test", "ag-1", 1, "agent", "acknowledgement", "backchannel", 2000, "mm-hmm",
                        "lexicon.backchannel"),
                new BehaviorEvent("c-test", "ag-1", 2, "agent", "interruption", "agent_interrupted_customer", 8000,
                        "that is because you booked the wrong slot", "timing.overlap_min_500ms")), a.events());
    }

    @Test
    void textChannelsHaveNoTimelineOrInterruptions() {
        AnalyzedConversation a = analyze(chat(customerMessage(0, "hello"), agentMessage(2000, "hi, how can I help?")));
        assertNull(a.timeline());
        assertNull(a.interruptions());
        assertEquals(List.of(2000L), a.responseWaits());
    }

    @Test
    void longExcerptsAreShortened() {
        String text = "word ".repeat(100);
        AnalyzedConversation a = analyze(voice(customer(0, 60000, text), agent(1000, 60000, text)));
        String excerpt = a.events().get(0).excerpt();
        assertEquals(BehaviorEvent.MAX_EXCERPT_CHARS, excerpt.length());
    }
}
