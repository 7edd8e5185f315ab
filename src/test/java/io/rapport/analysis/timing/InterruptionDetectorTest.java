package io.rapport.analysis.timing;

import io.rapport.model.Conversation;
import io.rapport.model.Speaker;
import org.junit.jupiter.api.Test;

import java.util.List;

import static io.rapport.testing.Conversations.agent;
import static io.rapport.testing.Conversations.customer;
import static io.rapport.testing.Conversations.voice;
import static org.junit.jupiter.api.Assertions.assertEquals;

class InterruptionDetectorTest {

    static List<Interruption> detect(Conversation c) {
        BackchannelClassifier bc = BackchannelClassifier.shipped();
        boolean[] flags = new boolean[c.utterances().size()];
        c.utterances().forEach(u -> flags[u.index()] = bc.isBackchannel(u));
        return new InterruptionDetector(500).detect(c, flags);
    }

    @Test
    void overlapAtTheThresholdCountsJustBelowDoesNot() {
        assertEquals(List.of(new Interruption(1, Speaker.AGENT, 0, 9500, 500)), detect(voice(
                customer(0, 10000, "my internet has been down since Monday morning"),
                agent(9500, 12000, "have you tried restarting the router"))));
        assertEquals(List.of(), detect(voice(
                customer(0, 10000, "my internet has been down since Monday morning"),
                agent(9501, 12000, "have you tried restarting the router"))));
    }

    @Test
    void overlapIsCutAtTheEarlierEnd() {
        // The agent's whole 700 ms turn lies inside the customer's speech: overlap = 4700 - 4000.
        assertEquals(List.of(new Interruption(1, Speaker.AGENT, 0, 4000, 700)), detect(voice(
                customer(0, 5000, "so the charge appeared twice on my card"),
                agent(4000, 4700, "no that cannot be"))));
    }

    @Test
    void backchannelsNeverInterrupt() {
        assertEquals(List.of(), detect(voice(
                customer(0, 10000, "and then they told me to wait another week for the refund"),
                agent(3000, 4000, "uh-huh"),
                agent(6000, 6800, "I see"),
                agent(8000, 8600, "Right."))));
    }

    @Test
    void aLongOrWordyAcknowledgementIsNotABackchannel() {
        assertEquals(1, detect(voice(
                customer(0, 10000, "and then they told me to wait another week for the refund"),
                agent(3000, 6000, "okay"))).size(), "3 s of 'okay' over the customer takes the floor");
    }

    @Test
    void simultaneousStartsAreNotInterruptions() {
        assertEquals(List.of(), detect(voice(
                customer(1000, 5000, "hello is anyone there"),
                agent(1000, 4000, "good morning you are through to billing"))));
    }

    @Test
    void theOngoingUtteranceThatEndsLastIsTheOneCutInto() {
        List<Interruption> found = detect(voice(
                customer(0, 20000, "long story about my contract and the fees that were added"),
                customer(2000, 3000, "sorry"),
                agent(10000, 15000, "let me explain how the fees work")));
        assertEquals(List.of(new Interruption(2, Speaker.AGENT, 0, 10000, 5000)), found);
    }

    @Test
    void systemAudioIsNeitherInterrupterNorInterrupted() {
        assertEquals(List.of(), detect(voice(
                io.rapport.testing.Conversations.system(0, 10000, "your call is important to us"),
                customer(2000, 6000, "hello? I have been waiting for ages"))));
    }
}
