package io.rapport.analysis.language;

import io.rapport.analysis.AnalyzedConversation;
import io.rapport.analysis.BehaviorEvent;
import io.rapport.analysis.ConversationAnalyzer;
import io.rapport.analysis.timing.BackchannelClassifier;
import io.rapport.analysis.timing.InterruptionDetector;
import io.rapport.model.Conversation;
import io.rapport.resolution.ResolutionDetector;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;

import static io.rapport.testing.Conversations.agentMessage;
import static io.rapport.testing.Conversations.analyze;
import static io.rapport.testing.Conversations.chat;
import static io.rapport.testing.Conversations.customerMessage;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

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
            "Honestly, it's on you to keep your phone switched on.          | blame",
            "You were supposed to upload the photos on the day.             | blame",
            "You were supposed to get a text from us the day before.        | ''",
            "Pending payments come off first. Pretty basic stuff really.    | blame",
            "Ringing every day won't make it come any sooner.               | blame",
            "Honestly, that one is not really on us.                        | blame",
            "Sir, you need to let me finish.                                | blame",
            "That's generally how it works with annual plans.               | blame",
            "You'll need to restart the router first.                       | solution_offered",
            "I can refund the twelve pounds to your card today.             | solution_offered",
            "Another option is to switch you to the monthly plan.           | solution_offered",
            "I'll look into it.                                             | ''",
            "So what you're saying is the router drops out every evening?   | reflective_listening",
            "So your saying it drops out every evening                      | reflective_listening",
            "Our engineer has a slot on Thursday at ten. Would that work?   | solution_offered",
            "In the meantime you can use the 4G backup box we sent.         | solution_offered",
            "Have you checked the cable at the back of the router?          | solution_offered",
            "Could you unplug the router for thirty seconds?                | solution_offered",
            "Go to Settings and switch on the automatic channel option.     | solution_offered",
            "Which router would you like me to reset?                       | ''",
            "Have you actually looked at the lights properly?               | blame",
            "The notice period is in the small print.                       | blame",
            "If you signed for it, that's really on you.                    | blame",
            "I understand, but the system says delivered so it's delivered. | blame",
            "As I pointed out in my last email, the form is clear.          | blame",
            "As far as the refund goes, the matter is closed.               | blame",
            "The courier comes when it comes, I'm afraid.                   | blame",
            "It's up to the customer to check the size before ordering.     | blame",
            "You've probably got the notifications switched off.            | blame",
            "That's how it was entered when you booked.                     | blame",
            "Well, you've probably typed it in wrong then.                  | blame",
            "The system shows it went out Monday, so you'll have it soon.   | ''",
            "Thank you for your message about the router dropping out every evening. | ''",
            "Outages are always posted in the app, so please check there.   | blame",
            "Once the photos are in, we send out a new router.              | solution_offered",
            "I've asked the engineer to come back on Thursday to fix it.    | solution_offered",
    })
    void agentLines(String agent, String expected) {
        Set<String> want = expected.isEmpty() ? Set.of() : Set.of(expected.split(","));
        assertEquals(want, found(agent), agent);
    }

    /**
     * The outcome read back ("so you're booked in for Thursday") is a recap, not a restating frame: the blocking rule
     * covers the frame's words. (The utterance model can still read such a line as a restatement on its own.)
     */
    @Test
    void anAgreedOutcomeReadBackIsNotARestatingFrame() {
        PhraseRules rules = PhraseRules.load("reflective_listening.rules", Optional.empty());
        assertEquals(List.of(), rules.evidence(NlpPipeline.sentences("So you're booked in for Thursday at half six."), "agent"));
        assertEquals(List.of("so_you"), rules.evidence(NlpPipeline.sentences("So you've been without heating since Sunday."),
                "agent").stream().map(RuleMatch::ruleId).toList());
    }

    /**
     * Refusals with nothing after them and brush-offs to the small print are blame; what the customer will see, what
     * they were asked to do, an open "whether there's anything else we can do" and their own decision are not.
     */
    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "Can't do that.                                                    | brush_off",
            "I can't do that, but I can send a new router.                     | ''",
            "I can't comment on what the engineer said.                        | brush_off",
            "Please wait for this period to pass before contacting us again.   | brush_off",
            "Please refer to section 7.4 of the terms.                         | brush_off",
            "You should see it back in three to five days.                     | ''",
            "You should have read the terms.                                   | you_should_have",
            "I'll look into whether there's anything else we can do.           | ''",
            "There isn't anything else I can do.                               | nothing_i_can_do",
            "That means you did what you were asked to do.                     | ''",
            "You were asked to upload the photos on the day.                   | onus_on_customer",
            "It's entirely your decision, and I'd feel the same.               | ''",
            "That was your choice.                                             | your_choice",
            "I've noted it all, so you won't have to repeat any of this.       | ''",
            "You don't need to call back, I'll ring you.                       | ''",
    })
    void blameRules(String agent, String expected) {
        assertEquals(expected.isEmpty() ? List.of() : List.of(expected), ruleIds("blame.rules", agent), agent);
    }

    /** The ids of the rules in {@code file} that fire on an agent's line. */
    static List<String> ruleIds(String file, String agent) {
        return PhraseRules.load(file, Optional.empty()).evidence(NlpPipeline.sentences(agent), "agent").stream()
                .map(RuleMatch::ruleId).toList();
    }

    /** A frame naming the act wins over the "so ..." check it overlaps; the frames read "straight" and "if I've understood,". */
    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "So you're saying the surveyor didn't show on Tuesday.             | what_you_are_saying",
            "Just so I've got it straight: the engineer never came.           | make_sure_i_got_it",
            "So if I've understood, the mortgage is joint with your husband.  | what_you_are_saying",
            "So the engineer never came on Tuesday?                           | so_statement",
    })
    void restatingFrames(String agent, String expected) {
        assertEquals(List.of(expected), ruleIds("reflective_listening.rules", agent), agent);
    }

    /**
     * A "so ..." statement that reuses two of the customer's words but mostly tells them something new is not a
     * restatement; the same frame over the customer's own words is.
     */
    @Test
    void aSoCheckRestatesOnlyWhenItsSentenceMostlyRepeatsTheCustomer() {
        String customer = "My fob won't open the gym gate this evening and I pay for a membership.";
        String told = "Okay, so your fob is active, but your membership is the off-peak plan, which covers entry before four and after eight on weekdays.";
        String restated = "Okay, so your fob won't open the gate this evening, even though you pay for a membership?";
        ConversationAnalyzer neutral = constantModel(LanguageDetectors.REFLECTIVE, 0, 0.6);
        assertEquals(Set.of(), reflective(neutral, customer, told));
        assertEquals(Set.of("reflective_listening@reflective_listening.so_statement"), reflective(neutral, customer, restated));
    }

    static Set<String> reflective(ConversationAnalyzer analyzer, String customer, String agent) {
        Conversation c = chat(customerMessage(0, customer), agentMessage(20_000, agent), customerMessage(40_000, "ok"));
        return behaviours(analyzer, c, 1).stream().filter(b -> b.startsWith(LanguageDetectors.REFLECTIVE + "@"))
                .collect(Collectors.toCollection(TreeSet::new));
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "This is absolutely ridiculous, third time I've called.   | true",
            "I'm really fed up with this.                             | true",
            "My router is flashing red.                               | false",
            "Could you tell me when the engineer is coming?           | false",
            "Sorry, I'm in a bit of a state about it.                 | true",
            "I feel like such an idiot.                               | true",
            "So that's it? No refund?                                 | true",
            "Who does the installation, you or a contractor?          | false",
            "Is anybody actually reading these emails?                | true",
            "It's been three days now. Any news?                      | true",
            "thank you!!                                              | false",
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

    /** Phrasings no rule file holds, found by the shipped utterance model alone (rule id {@code <behaviour>.model}). */
    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "Might be worth checking with your household first next time.     | blame",
            "Easily done, honestly, loads of people get caught out by that.   | empathy:validation",
    })
    void theModelFindsWhatNoRuleSays(String agent, String expected) {
        assertEquals(Set.of(expected), found(agent), agent);
        Conversation c = chat(customerMessage(0, COMPLAINT), agentMessage(20_000, agent));
        assertTrue(analyze(c).events().stream().anyMatch(e -> e.utteranceIndex() == 1 && e.ruleId().endsWith(".model")));
        Conversation customer = chat(customerMessage(0, "Honestly this is the last straw with you lot."),
                agentMessage(20_000, "Let me check that for you."));
        assertTrue(analyze(customer).events().stream().anyMatch(e -> e.utteranceIndex() == 0
                && e.behavior().equals(LanguageDetectors.COMPLAINT) && e.ruleId().equals("complaint.model")));
    }

    /** A model that gives every label the probability 1/(1+e^-z) whatever the words, with the given threshold. */
    static ConversationAnalyzer constantModel(String label, double z, double threshold) {
        List<String> labels = UtteranceModel.load(Optional.empty()).labels();
        double[] thresholds = new double[labels.size()];
        Arrays.fill(thresholds, threshold);
        float[] bias = new float[labels.size()];
        bias[labels.indexOf(label)] = (float) z;
        Map<String, float[]> weights = new HashMap<>();
        weights.put(UtteranceFeatures.BIAS, bias);
        UtteranceModel m = new UtteranceModel(labels, thresholds, weights);
        return new ConversationAnalyzer(BackchannelClassifier.load(Optional.empty()),
                new InterruptionDetector(InterruptionDetector.DEFAULT_MIN_OVERLAP_MS),
                ResolutionDetector.load(Optional.empty(), m), new LanguageDetectors(Optional.empty(), false, m));
    }

    static Set<String> behaviours(ConversationAnalyzer analyzer, Conversation c, int utterance) {
        return analyzer.analyze(c).events().stream().filter(e -> e.utteranceIndex() == utterance)
                .map(e -> e.behavior() + "@" + e.ruleId()).collect(Collectors.toCollection(TreeSet::new));
    }

    @Test
    void aRestatementFoundByWordOverlapNeedsTheModelsAgreementAPhraseRuleDoesNot() {
        String restated = "Right, so the router drops out every evening since the update, and nobody has been out.";
        Conversation c = chat(customerMessage(0, COMPLAINT.replace("evening", "evening since the update")),
                agentMessage(20_000, restated), customerMessage(40_000, "yes"));
        String overlap = "reflective_listening@reflective_listening.content_overlap_min3";
        // sigmoid(0) = 0.5: above the veto, under a threshold of 0.6, so the model neither vetoes nor adds.
        assertEquals(Set.of(overlap), behaviours(constantModel(LanguageDetectors.REFLECTIVE, 0, 0.6), c, 1));
        // sigmoid(-4) = 0.018, under the veto: the overlap alone does not make it reflective.
        assertEquals(Set.of(), behaviours(constantModel(LanguageDetectors.REFLECTIVE, -4, 0.6), c, 1));
        // A phrase rule stands whatever the model says.
        Conversation framed = chat(customerMessage(0, COMPLAINT),
                agentMessage(20_000, "So what you're saying is the router drops out every evening?"));
        assertTrue(behaviours(constantModel(LanguageDetectors.REFLECTIVE, -4, 0.6), framed, 1).stream()
                .anyMatch(b -> b.startsWith("reflective_listening@reflective_listening.") && !b.endsWith(".model")));
    }

    @Test
    void theModelAddsABehaviourOnlyWhereNoRuleFiredAndFromItsThreshold() {
        Conversation c = chat(customerMessage(0, COMPLAINT), agentMessage(20_000, "Let me have a look at the line."),
                agentMessage(25_000, "You should have read the terms before you signed."));
        // sigmoid(2) = 0.88
        assertEquals(Set.of("blame@blame.model"), behaviours(constantModel(LanguageDetectors.BLAME, 2, 0.85), c, 1));
        assertEquals(Set.of(), behaviours(constantModel(LanguageDetectors.BLAME, 2, 0.9), c, 1));
        Set<String> ruled = behaviours(constantModel(LanguageDetectors.BLAME, 2, 0.85), c, 2);
        assertTrue(ruled.stream().anyMatch(b -> b.startsWith("blame@blame.") && !b.equals("blame@blame.model")), ruled.toString());
        assertFalse(ruled.contains("blame@blame.model"), "a rule already found it: no second event");
    }

    /**
     * A blocking rule is the rule file's word that a phrasing is not the behaviour: the model alone may not report
     * it there ("you won't have to repeat any of this" spares the customer effort; "you should have received a text"
     * is the company's failure), but where no blocking rule fires the same model does.
     */
    @Test
    void aBlockingRuleStopsTheModelAloneFromReportingItsBehaviour() {
        ConversationAnalyzer sure = constantModel(LanguageDetectors.BLAME, 2, 0.85);
        for (String polite : List.of("I've written it all down so you won't have to explain it again if you ring back.",
                "You should have received a text from us before the engineer came.")) {
            Conversation c = chat(customerMessage(0, COMPLAINT), agentMessage(20_000, polite));
            assertEquals(Set.of(), behaviours(sure, c, 1), polite);
        }
        Conversation plain = chat(customerMessage(0, COMPLAINT), agentMessage(20_000, "I've written it all down for the engineer."));
        assertEquals(Set.of("blame@blame.model"), behaviours(sure, plain, 1));
    }
}
