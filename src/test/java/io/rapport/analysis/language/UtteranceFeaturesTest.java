package io.rapport.analysis.language;

import io.rapport.model.Speaker;
import io.rapport.testing.Conversations;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class UtteranceFeaturesTest {

    @Test
    void wordsPairsTriplesWithDigitsFoldedAndOnlyQuestionOrExclamationMarksKept() {
        Set<String> f = UtteranceFeatures.of(NlpPipeline.sentences("I've refunded £12, okay?"), List.of(), 0.0, Speaker.AGENT);
        assertTrue(f.containsAll(Set.of(UtteranceFeatures.BIAS, "w:<s>", "w:i", "w:'ve", "w:refunded", "w:00", "w:okay",
                "w:?", "w:</s>", "w:<s>_i", "w:refunded_00", "w:00_okay", "w:i_'ve_refunded", "w:okay_?_</s>",
                "pos:0", "spk:agent")), f.toString());
        assertFalse(f.contains("w:,"), "commas vary by writer");
        assertFalse(f.contains("w:£") || f.contains("w:12"), "amounts are one feature whatever the currency or figure");
    }

    @Test
    void differentFormsOfAWordShareTheirLemmaFeatures() {
        Set<String> past = UtteranceFeatures.of(NlpPipeline.sentences("I refunded the fees."), List.of(), 0.0, Speaker.AGENT);
        Set<String> now = UtteranceFeatures.of(NlpPipeline.sentences("I'm refunding the fee."), List.of(), 0.0, Speaker.AGENT);
        assertTrue(past.containsAll(Set.of("l:i", "l:refund", "l:fee", "l:refund_the", "l:the_fee")), past.toString());
        assertTrue(now.containsAll(Set.of("l:i", "l:be", "l:refund", "l:fee", "l:refund_the", "l:the_fee")), now.toString());
        assertFalse(past.contains("w:refunding") || now.contains("w:refunded"), "the words themselves differ");
        assertFalse(past.contains("l:."), "punctuation carries no lemma feature");
    }

    @Test
    void theUtteranceBeforeItAndItsPlaceInTheConversationAreFeatures() {
        Set<String> f = UtteranceFeatures.of(NlpPipeline.sentences("Yes."), NlpPipeline.sentences("Does that fix it?"),
                0.99, Speaker.CUSTOMER);
        assertTrue(f.containsAll(Set.of("w:yes", "p:does", "p:fix", "p:?", "pos:4", "spk:customer")), f.toString());
        assertEquals(Set.of("pos:2"), Set.copyOf(UtteranceFeatures.of(List.of(), List.of(), 0.5, Speaker.AGENT)
                .stream().filter(x -> x.startsWith("pos:")).toList()));
    }

    @Test
    void inAConversationThePreviousPartyUtteranceCountsAndSystemLinesDoNot() {
        var c = Conversations.chat(
                Conversations.agentMessage(0, "Does that fix it?"),
                new Conversations.Turn(Speaker.SYSTEM, 5_000, null, "Customer is typing"),
                Conversations.customerMessage(10_000, "yes"));
        Annotations a = new Annotations(c);
        Set<String> f = UtteranceFeatures.of(a, c.utterances(), 2);
        assertTrue(f.contains("p:fix") && f.contains("pos:4"), f.toString());
        assertFalse(f.contains("p:typing"));
        assertTrue(UtteranceFeatures.of(a, c.utterances(), 0).stream().noneMatch(x -> x.startsWith("p:")));
    }
}
