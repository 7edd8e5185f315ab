package io.rapport.analysis.language;

import io.rapport.analysis.AnalyzedConversation;
import io.rapport.analysis.BehaviorEvent;
import io.rapport.model.Conversation;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;

import static io.rapport.testing.Conversations.agentMessage;
import static io.rapport.testing.Conversations.analyze;
import static io.rapport.testing.Conversations.chat;
import static io.rapport.testing.Conversations.customerMessage;
import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * Positive and negative forms of each language behaviour, in a short chat after a customer's complaint. The
 * expected column lists the behaviours found on the line under test (empathy with its kind); empty means none.
 */
class LanguageDetectorsTest {

    static final String COMPLAINT = "My router keeps dropping out every evening and nobody has fixed it.";

    static Set<String> found(String agent) {
        Conversation c = chat(customerMessage(0, COMPLAINT), agentMessage(20_000, agent),
                customerMessage(40_000, "ok"), agentMessage(60_000, "Is there anything else I can help with?"));
        AnalyzedConversation a = analyze(c);
        return a.events().stream().filter(e -> e.utteranceIndex() == 1)
                .map(e -> e.behavior().equals(LanguageDetectors.EMPATHY) ? "empathy:" + e.detail() : e.behavior())
                .collect(Collectors.toCollection(TreeSet::new));
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "That sounds really frustrating.                                | empathy:feeling",
            "I can see why you're upset about that.                         | empathy:feeling",
            "I'm so sorry you had to chase us three times.                  | empathy:apology",
            "You're right to ask, I'd be annoyed too.                       | empathy:validation",
            "I want to help you get this fixed today.                       | empathy:support",
            "Sorry for the wait, I'm just loading your account.             | ''",
            "Sorry, could you repeat the last digit?                        | ''",
            "Well, sorry you feel that way.                                 | ''",
            "You should have read the terms before you signed.              | blame",
            "As I already explained, there's nothing I can do.              | blame",
            "You should have received a text from us on Monday.             | ''",
            "You'll need to restart the router first.                       | solution_offered",
            "I can refund the twelve pounds to your card today.             | solution_offered",
            "Another option is to switch you to the monthly plan.           | solution_offered",
            "I'll look into it.                                             | ''",
            "So what you're saying is the router drops out every evening?   | reflective_listening",
    })
    void agentLines(String agent, String expected) {
        Set<String> want = expected.isEmpty() ? Set.of() : Set.of(expected.split(","));
        assertEquals(want, found(agent), agent);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "This is absolutely ridiculous, third time I've called.   | true",
            "I'm really fed up with this.                             | true",
            "My router is flashing red.                               | false",
            "Could you tell me when the engineer is coming?           | false",
    })
    void complaintLanguage(String customer, boolean complaint) {
        Conversation c = chat(customerMessage(0, customer), agentMessage(20_000, "Let me check that for you."));
        boolean found = analyze(c).events().stream()
                .anyMatch(e -> e.utteranceIndex() == 0 && e.behavior().equals(LanguageDetectors.COMPLAINT));
        assertEquals(complaint, found, customer);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "So just to recap, I've refunded the twelve pounds and the new card arrives Friday. | true",
            "Have a lovely day.                                                                 | false",
    })
    void recapOnlyInTheClosingPart(String closing, boolean recap) {
        Conversation c = chat(customerMessage(0, "I was charged twice and my card was blocked."),
                agentMessage(20_000, "I'm sorry about that, let me look."),
                customerMessage(40_000, "ok thanks"),
                agentMessage(60_000, "I've refunded the twelve pounds and ordered a new card."),
                customerMessage(80_000, "great"),
                agentMessage(100_000, closing));
        assertEquals(recap, analyze(c).events().stream()
                .anyMatch(e -> e.utteranceIndex() == 5 && e.behavior().equals(LanguageDetectors.RECAP)));
        // The same words as the first of five utterances are not a recap: the closing part is the last 40 %.
        Conversation early = chat(agentMessage(0, closing), customerMessage(20_000, "hm"),
                agentMessage(40_000, "Let me check."), customerMessage(60_000, "ok"), agentMessage(80_000, "Bye."));
        assertEquals(false, analyze(early).events().stream().map(BehaviorEvent::behavior)
                .anyMatch(LanguageDetectors.RECAP::equals));
    }
}
