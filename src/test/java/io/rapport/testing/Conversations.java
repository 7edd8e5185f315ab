package io.rapport.testing;

import io.rapport.analysis.AnalyzedConversation;
import io.rapport.analysis.ConversationAnalyzer;
import io.rapport.analysis.timing.InterruptionDetector;
import io.rapport.model.Channel;
import io.rapport.model.Conversation;
import io.rapport.model.Speaker;
import io.rapport.model.Utterance;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** Terse builders for hand-made conversations: {@code voice(agent(0, 3000, "hello"), customer(...))}. */
public final class Conversations {

    public static final ConversationAnalyzer ANALYZER =
            ConversationAnalyzer.load(Optional.empty(), InterruptionDetector.DEFAULT_MIN_OVERLAP_MS, true);

    private Conversations() {
    }

    /** An utterance before its index is known; the builder numbers them in order. */
    public record Turn(Speaker speaker, long start, Long end, String text) {
    }

    public static Turn agent(long start, long end, String text) {
        return new Turn(Speaker.AGENT, start, end, text);
    }

    public static Turn customer(long start, long end, String text) {
        return new Turn(Speaker.CUSTOMER, start, end, text);
    }

    public static Turn system(long start, long end, String text) {
        return new Turn(Speaker.SYSTEM, start, end, text);
    }

    public static Turn agentMessage(long at, String text) {
        return new Turn(Speaker.AGENT, at, null, text);
    }

    public static Turn customerMessage(long at, String text) {
        return new Turn(Speaker.CUSTOMER, at, null, text);
    }

    public static Turn botMessage(long at, String text) {
        return new Turn(Speaker.BOT, at, null, text);
    }

    public static Conversation voice(Turn... turns) {
        return of(Channel.VOICE, turns);
    }

    public static Conversation chat(Turn... turns) {
        return of(Channel.CHAT, turns);
    }

    public static Conversation email(Turn... turns) {
        return of(Channel.EMAIL, turns);
    }

    public static Conversation of(Channel channel, Turn... turns) {
        List<Utterance> utterances = new ArrayList<>();
        for (Turn t : turns) {
            utterances.add(new Utterance(utterances.size(), t.speaker(), t.start(), t.end(), t.text()));
        }
        return new Conversation("c-test", channel, Instant.parse("2026-11-22T09:00:00Z"), "ag-1", "t-1", "cu-1",
                "billing", utterances);
    }

    /**
     * A 40 s call: the agent backchannels once (utterance 2), interrupts the customer by 2000 ms (3), the
     * customer overlaps the agent by 200 ms without interrupting (4), hold audio plays (5), and the customer
     * interrupts the agent by 2000 ms (7). Its metrics are worked out by hand in the metric tests.
     */
    public static Conversation call() {
        return voice(
                agent(0, 3000, "Thank you for calling, how can I help?"),
                customer(3400, 15000, "I was charged twice for the same order and nobody has fixed it"),
                agent(6000, 6400, "mm-hmm"),
                agent(13000, 18000, "Okay so let me check that for you right now"),
                customer(17800, 19000, "Thank you"),
                system(19000, 25000, "Please hold while we connect you"),
                agent(30000, 36000, "I have refunded the duplicate charge"),
                customer(33000, 35000, "wait, which card?"),
                customer(36500, 40000, "great that fixes it"));
    }

    /** A chat: customer waits of 60 s and 30 s answered, the last customer message unanswered. */
    public static Conversation chatWithWaits() {
        return chat(
                botMessage(0, "Welcome! An agent will join shortly"),
                customerMessage(1000, "hi my parcel never arrived"),
                customerMessage(5000, "order 1234"),
                agentMessage(61000, "Sorry to hear that, let me check"),
                customerMessage(70000, "ok"),
                agentMessage(100000, "It is out for delivery today"),
                customerMessage(130000, "thanks"));
    }

    public static AnalyzedConversation analyze(Conversation c) {
        return ANALYZER.analyze(c);
    }
}
