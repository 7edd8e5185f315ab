package io.rapport.analysis.timing;

import io.rapport.model.Speaker;
import io.rapport.model.Utterance;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.util.List;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class BackchannelClassifierTest {

    static final BackchannelClassifier SHIPPED = BackchannelClassifier.shipped();

    static Utterance spoken(String text, long durationMs) {
        return new Utterance(0, Speaker.AGENT, 1000, 1000 + durationMs, text);
    }

    @ParameterizedTest
    @ValueSource(strings = {"mm-hmm", "Mm hmm.", "uh huh", "Right, right.", "okay", "OK!", "I see", "yeah, got it",
            "Sure.", "oh okay", "Uh-huh, yes"})
    void shortListenerPhrasesAreBackchannels(String text) {
        assertTrue(SHIPPED.isBackchannel(spoken(text, 700)), text);
    }

    @ParameterizedTest
    @ValueSource(strings = {"okay let me check that", "right, that is not what our policy says", "no",
            "I see the problem now", "yes I can refund it", "", "hmm okay yeah right sure"})
    void anythingThatSaysMoreIsNot(String text) {
        assertFalse(SHIPPED.isBackchannel(spoken(text, 700)), text);
    }

    @Test
    void aLongUtteranceIsNotABackchannelEvenWithBackchannelWords() {
        assertFalse(SHIPPED.isBackchannel(spoken("okay", 2001)));
        assertTrue(SHIPPED.isBackchannel(spoken("okay", 2000)));
    }

    @Test
    void chatMessagesAreJudgedByWordsAlone() {
        assertFalse(SHIPPED.isBackchannel(new Utterance(0, Speaker.CUSTOMER, 5000, null, "ok thanks")));
        assertTrue(SHIPPED.isBackchannel(new Utterance(0, Speaker.CUSTOMER, 5000, null, "ok")));
    }

    @Test
    void lexiconCanBeReplaced() {
        BackchannelClassifier custom = new BackchannelClassifier(List.of("# comment", "ja", "genau"));
        assertTrue(custom.isBackchannel(spoken("Ja, genau.", 500)));
        assertFalse(custom.isBackchannel(spoken("okay", 500)));
        assertTrue(BackchannelClassifier.load(Optional.empty()).isBackchannel(spoken("okay", 500)));
    }
}
