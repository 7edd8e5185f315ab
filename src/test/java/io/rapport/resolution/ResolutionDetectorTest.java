package io.rapport.resolution;

import io.rapport.analysis.language.PhraseRules;
import io.rapport.analysis.language.UtteranceFeatures;
import io.rapport.analysis.language.UtteranceModel;
import io.rapport.model.Speaker;
import io.rapport.model.Utterance;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static io.rapport.testing.Conversations.agentMessage;
import static io.rapport.testing.Conversations.chat;
import static io.rapport.testing.Conversations.customerMessage;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.assertNull;

/** Positive and negative forms of each resolution signal, and the latest-signal-wins outcome. */
class ResolutionDetectorTest {

    static final ResolutionDetector DETECTOR = ResolutionDetector.load(Optional.empty());

    static List<String> behaviors(Speaker speaker, String text) {
        return DETECTOR.signalsIn(new Utterance(0, speaker, 0, null, text)).stream()
                .map(m -> m.behavior() + ":" + m.ruleId()).toList();
    }

    static String verdict(Speaker speaker, String text) {
        List<String> b = behaviors(speaker, text);
        return b.isEmpty() ? "none" : b.get(b.size() - 1).split(":")[0];
    }

    @ParameterizedTest
    @ValueSource(strings = {"Great, that fixed it!", "that's fixed it, thanks", "yes it works now", "it's working again",
            "ok that did the trick", "Brilliant, problem solved.", "all sorted, thank you", "I can see the refund now",
            "perfect, that answers my question", "that's all I needed, cheers", "it went through this time",
            "its working now thanks", "oh there it is, the internet is back up", "that worked, thank you so much",
            "the new statement is exactly what I needed", "lovely, that's the parking fine dealt with",
            "right, well that's what I rang to find out", "no, that was all I was after"})
    void customerConfirmations(String text) {
        assertEquals(ResolutionDetector.CONFIRMED, verdict(Speaker.CUSTOMER, text), text + " " + behaviors(Speaker.CUSTOMER, text));
    }

    @ParameterizedTest
    @ValueSource(strings = {"thanks for your help", "thank you, bye", "will that fix it?", "does that fix it on your end?",
            "it worked until Tuesday", "hopefully that works", "if that fixes it I'll be happy", "okay",
            "I worked in IT for years", "that should sort it"})
    void notConfirmations(String text) {
        assertEquals("none", verdict(Speaker.CUSTOMER, text), text + " " + behaviors(Speaker.CUSTOMER, text));
    }

    @ParameterizedTest
    @ValueSource(strings = {"that didn't fix it", "it's still not working", "nope, same error", "I'll call back tomorrow",
            "I want to speak to a manager", "put me through to your supervisor", "forget it", "I'll sort it out myself",
            "I'm cancelling my contract", "it still doesn't work", "that didn't do anything", "it's not working now",
            "ugh, it's doing it again", "it's beeping again", "tried it, it's the same.", "could this be looked at by someone else please",
            "it says 'This voucher has expired'", "nope, code not valid", "the attachment won't open", "the fee is still on my bill",
            "it's not charging at all", "ok it still shows the old address right now", "honestly, don't bother.",
            "nope, it's gone straight back to E4", "the alarm is back to beeping", "and now it's asking for the PIN again",
            "both payments are still there", "fine, I'll call my bank then",
            "I want it logged as an official complaint", "can I talk to someone above you please", "honestly, not worth the hassle",
            "it's for the wrong year, could you redo it for those dates?", "it's back to beeping every ten seconds"})
    void customerUnresolvedSignals(String text) {
        assertEquals(ResolutionDetector.UNRESOLVED, verdict(Speaker.CUSTOMER, text), text + " " + behaviors(Speaker.CUSTOMER, text));
    }

    @ParameterizedTest
    @ValueSource(strings = {"I'm transferring you to our technical team now", "let me put you through to billing",
            "someone will call you back within 48 hours", "I'll email you once I hear back from them",
            "I've raised this with our engineers", "I'll need to escalate this", "I've logged a ticket for you",
            "we'll get back to you by Friday", "I'm booking an engineer to come out on Thursday morning",
            "I've logged it with our network team", "I'll let you know the outcome by Friday",
            "I've reopened the job with the contractor", "that needs an engineer, so I've booked one in for Monday",
            "the engineer will text you before they arrive"})
    void agentUnresolvedSignals(String text) {
        assertEquals(ResolutionDetector.UNRESOLVED, verdict(Speaker.AGENT, text), text + " " + behaviors(Speaker.AGENT, text));
    }

    @ParameterizedTest
    @ValueSource(strings = {"if it's still not working, call us back", "you don't need to call back",
            "no need to escalate, it's fine now", "does that fix it?", "that should fix it",
            "I see you were transferred twice before, sorry about that",
            "I'll email you the updated agreement as well, so you've got a copy",
            "I'm happy to put you through to a manager, would you like that?",
            "I was going to book an engineer, but it looks fine now", "Hi, how can I help today?"})
    void agentNonSignals(String text) {
        assertEquals("none", verdict(Speaker.AGENT, text), text + " " + behaviors(Speaker.AGENT, text));
    }

    @ParameterizedTest
    @ValueSource(strings = {"I've called back four times about this", "I was transferred twice already",
            "no need for a manager, you've been great", "I'm not cancelling, I just want it fixed",
            "call back if the light stays red, got it",
            "I'll ring back in June to give notice then",
            "If this is not resolved properly I will be taking it to the ombudsman",
            "can I talk to a real person please", "so you can't change it?", "I'll have to pay it by hand then",
            "ok text me when it's back then", "is that still free under the warranty?", "no problem at all, thanks",
            "Whatever. Bye.", "right, going back to the film now", "and the delivery's still booked?"})
    void customerHistoryAndDeclinedHandOffs(String text) {
        assertEquals("none", verdict(Speaker.CUSTOMER, text), text + " " + behaviors(Speaker.CUSTOMER, text));
    }

    @Test
    void theLatestSignalDecides() {
        ResolutionDetector.Outcome reopened = DETECTOR.detect(chat(
                customerMessage(0, "my app keeps crashing"),
                agentMessage(1000, "please reinstall it"),
                customerMessage(2000, "ok it works now"),
                customerMessage(3000, "oh wait, it crashed again. still not working. I'll call back later")));
        assertEquals(Boolean.FALSE, reopened.resolved());
        assertEquals(List.of(2, 3), reopened.signals().stream().map(ResolutionDetector.Signal::utteranceIndex).distinct().toList());

        ResolutionDetector.Outcome fixedLater = DETECTOR.detect(chat(
                customerMessage(0, "still not working"),
                agentMessage(1000, "try clearing the cache"),
                customerMessage(2000, "oh there it is, it works now")));
        assertEquals(Boolean.TRUE, fixedLater.resolved());

        assertNull(DETECTOR.detect(chat(customerMessage(0, "what are your opening hours?"),
                agentMessage(1000, "nine to five"), customerMessage(2000, "thanks, bye"))).resolved());
    }

    @Test
    void agentPredictionsAreNotCustomerConfirmations() {
        assertEquals("none", verdict(Speaker.AGENT, "great, that fixes it"));
    }

    @Test
    void aShortAnswerToTheAgentsCheckQuestionCounts() {
        assertEquals(Boolean.TRUE, DETECTOR.detect(chat(
                customerMessage(0, "my app won't open"),
                agentMessage(1000, "I've reset your session. Is it working now?"),
                customerMessage(2000, "yes!"))).resolved());
        assertEquals(Boolean.FALSE, DETECTOR.detect(chat(
                customerMessage(0, "my app won't open"),
                agentMessage(1000, "I've reset your session. Can you log in now?"),
                customerMessage(2000, "nope"))).resolved());
    }

    /** The verdict of a three-turn chat: the customer's problem, the agent's answer, the customer's reply. */
    static Boolean verdictOf(ResolutionDetector detector, String problem, String answer, String reply) {
        return detector.detect(chat(customerMessage(0, problem), agentMessage(1000, answer), customerMessage(2000, reply))).resolved();
    }

    @Test
    void aStepTheAgentReportsAsTakenOpensTheWayForFailureReportsButAGreetingDoesNot() {
        ResolutionDetector rulesOnly = alwaysSays();
        assertEquals(Boolean.FALSE, verdictOf(rulesOnly, "my invoice has the wrong address on it",
                "Sorry about that. I've corrected the address and re-sent the invoice.", "it still has the old address on it"));
        assertEquals(Boolean.FALSE, verdictOf(rulesOnly, "the chatbot can't find my booking",
                "You can manage bookings under My Trips. Did that answer your question?", "no"));
        assertNull(verdictOf(rulesOnly, "hello", "Hi, how can I help today?",
                "I switched plans last month but I've been charged the old price again"));
    }

    @Test
    void aStepTheAgentAsksForOpensTheGateButADeadlineIsNoTimeToWait() {
        ResolutionDetector rulesOnly = alwaysSays();
        assertEquals(Boolean.FALSE, verdictOf(rulesOnly, "my discount code is rejected", "That one has ended. Try SPRING20 instead.",
                "same thing. code not valid"));
        assertEquals(Boolean.FALSE, verdictOf(rulesOnly, "I need to pay my missed premium",
                "The payment link is on its way. It's valid for 30 minutes.", "Clicked it. It says 'This link has expired'."));
    }

    @Test
    void aBareYesToACheckQuestionIsNotVetoedButALongerAnswerStillIs() {
        String check = "45 minutes before departure. Did that answer your question?";
        // The model finds every confirmation very unlikely (0.007, under the veto of 0.03).
        assertEquals(Boolean.TRUE, verdictOf(alwaysSays(), "when does check-in close?", check, "yes"));
        assertNull(verdictOf(alwaysSays(), "when does check-in close?", check,
                "yes, I set it up once and then it stopped, so it's all in the box"));
    }

    @Test
    void yesAndNoElsewhereAreNotEvidence() {
        assertNull(DETECTOR.detect(chat(
                customerMessage(0, "I need to update my address"),
                agentMessage(1000, "Can I take your postcode?"),
                customerMessage(2000, "yes it's AB1 2CD"),
                agentMessage(3000, "Done. Is there anything else I can help with?"),
                customerMessage(4000, "No, that's everything, thanks"))).resolved());
    }

    /** The shipped rules with {@link #modelSaying}. */
    static ResolutionDetector alwaysSays(String... said) {
        return ResolutionDetector.load(Optional.empty(), modelSaying(said));
    }

    /** A model that gives each of {@code said} probability 0.88 on every utterance, the rest 0.007; threshold 0.85. */
    static UtteranceModel modelSaying(String... said) {
        List<String> labels = UtteranceModel.load(Optional.empty()).labels();
        double[] thresholds = new double[labels.size()];
        Arrays.fill(thresholds, 0.85);
        float[] bias = new float[labels.size()];
        Arrays.fill(bias, -5);
        for (String label : said) {
            bias[labels.indexOf(label)] = 2;
        }
        return new UtteranceModel(labels, thresholds, Map.of(UtteranceFeatures.BIAS, bias));
    }

    @Test
    void theModelAddsSignalsWhereNoRuleFiredButNeverInTheOpeningStatementOrAConfirmationFromTheAgent() {
        var c = chat(customerMessage(0, "the card reader at bay four won't take my card"),
                agentMessage(1000, "I've restarted the charger from here, give it a minute."),
                customerMessage(2000, "and I've got a green light, lovely"));
        ResolutionDetector.Outcome confirmed = alwaysSays(ResolutionDetector.CONFIRMED).detect(c);
        assertEquals(Boolean.TRUE, confirmed.resolved());
        assertEquals(List.of("2:resolution_confirmed:model"), confirmed.signals().stream()
                .map(s -> s.utteranceIndex() + ":" + s.behavior() + ":" + s.ruleId()).toList());
        ResolutionDetector.Outcome open = alwaysSays(ResolutionDetector.UNRESOLVED).detect(c);
        assertEquals(Boolean.FALSE, open.resolved());
        assertEquals(List.of(1, 2), open.signals().stream().map(ResolutionDetector.Signal::utteranceIndex).toList(),
                "the agent's turn and the customer's reply, not the opening statement");
    }

    @Test
    void whenARuleFiredItDecidesTheVerdictOverTheModel() {
        var c = chat(customerMessage(0, "my app keeps crashing"), agentMessage(1000, "please reinstall it"),
                customerMessage(2000, "still not working, same error"));
        // The model also reads "please reinstall it" as a step, after which "still not working" is a failure report.
        ResolutionDetector.Outcome o = alwaysSays(ResolutionDetector.CONFIRMED, ResolutionDetector.SOLUTION).detect(c);
        assertEquals(Boolean.FALSE, o.resolved(), o.signals().toString());
    }

    @Test
    void aRuleConfirmationTheModelFindsVeryUnlikelyIsDroppedButAnUnresolvedSignalNeverIs() {
        var c = chat(customerMessage(0, "my app keeps crashing"), agentMessage(1000, "please reinstall it"),
                customerMessage(2000, "that fixed it, thanks"));
        ResolutionDetector shipped = ResolutionDetector.load(Optional.empty());
        assertEquals(Boolean.TRUE, shipped.detect(c).resolved(), "the rule fires on its own");
        // Every label but UNRESOLVED at sigmoid(-5) = 0.007, under the veto; UNRESOLVED at 0.88.
        ResolutionDetector doubting = alwaysSays(ResolutionDetector.UNRESOLVED);
        assertTrue(doubting.detect(c).signals().stream().noneMatch(s -> s.behavior().equals(ResolutionDetector.CONFIRMED)));
        var open = chat(customerMessage(0, "my app keeps crashing"), agentMessage(1000, "please reinstall it"),
                customerMessage(2000, "still not working, same error"));
        ResolutionDetector.Outcome kept = alwaysSays(ResolutionDetector.CONFIRMED, ResolutionDetector.SOLUTION).detect(open);
        assertTrue(kept.signals().stream().anyMatch(s -> s.behavior().equals(ResolutionDetector.UNRESOLVED)
                && !s.ruleId().equals("model")), kept.signals().toString());
    }

    @Test
    void aFailureReportBeforeTheAgentHasPutForwardAStepDescribesTheProblem() {
        var asked = chat(customerMessage(0, "my broadband keeps dropping"),
                agentMessage(1000, "Sorry to hear that. When did it start?"),
                customerMessage(2000, "Monday. It still drops every hour, I've restarted the router loads of times"));
        assertNull(DETECTOR.detect(asked).resolved(), DETECTOR.detect(asked).signals().toString());
        var tried = chat(customerMessage(0, "my broadband keeps dropping"),
                agentMessage(1000, "I've reset your line from our side. Could you restart the router for me?"),
                customerMessage(2000, "done that, it's still dropping"));
        assertEquals(Boolean.FALSE, DETECTOR.detect(tried).resolved(), DETECTOR.detect(tried).signals().toString());
        // Without a step from the agent, by the model or a check question, the same report stays a description.
        assertNull(alwaysSays(ResolutionDetector.CONFIRMED).detect(chat(customerMessage(0, "my broadband keeps dropping"),
                agentMessage(1000, "please restart the router"), customerMessage(2000, "still not working, same error")))
                .signals().stream().filter(sig -> !sig.ruleId().equals("model")).findAny().orElse(null));
    }

    @Test
    void theRuleFileMarksFailureReportsSoARuleOfItsOwnNameIsGatedToo() {
        // A quality team's rule under a name the detector has never seen: the behaviour, not the id, gates it.
        var rules = new PhraseRules("team.rules", """
                { ruleType: "tokens", priority: 1, pattern: ( /still/ /dropping/ ), result: "failure_report:customer:line_drops" }
                { ruleType: "tokens", priority: 15, pattern: ( /is/ /it/ /working/ /now/ /\\?/ ), result: "check_question:any:check" }
                """);
        var detector = new ResolutionDetector(rules, modelSaying());
        var asked = chat(customerMessage(0, "my broadband keeps dropping"), agentMessage(1000, "When did it start?"),
                customerMessage(2000, "Monday, and it's still dropping every hour"));
        assertEquals(List.of(), detector.detect(asked).signals());
        var tried = chat(customerMessage(0, "my broadband keeps dropping"),
                agentMessage(1000, "I've reset the line. Is it working now?"), customerMessage(2000, "no, still dropping"));
        ResolutionDetector.Outcome o = detector.detect(tried);
        assertEquals(Boolean.FALSE, o.resolved());
        assertEquals(List.of("2:unresolved_signal:line_drops"), o.signals().stream()
                .map(sig -> sig.utteranceIndex() + ":" + sig.behavior() + ":" + sig.ruleId()).toList());
    }

    @Test
    void aFailureReportWithinTheTimeTheAgentGaveNarratesTheStep() {
        var waiting = chat(customerMessage(0, "the camera won't come online"),
                agentMessage(1000, "I've pushed the update to it. It can take up to a minute to restart."),
                customerMessage(2000, "ok it's restarting... still restarting"));
        assertTrue(DETECTOR.detect(waiting).signals().stream().noneMatch(sig -> sig.utteranceIndex() == 2),
                DETECTOR.detect(waiting).signals().toString());
        var failed = chat(customerMessage(0, "the camera won't come online"),
                agentMessage(1000, "I've pushed the update to it. It can take up to a minute to restart."),
                customerMessage(2000, "ok it's restarting"),
                agentMessage(3000, "How does it look now?"),
                customerMessage(4000, "it's still not connecting, same error as before"));
        assertEquals(Boolean.FALSE, DETECTOR.detect(failed).resolved(), DETECTOR.detect(failed).signals().toString());
    }

    @Test
    void declineWithItsFineAnswersTheCheckWithoutReportingAFailure() {
        var c = chat(customerMessage(0, "the deposit is still showing on my card"),
                agentMessage(1000, "We released it on Monday; banks take a few days to drop it. Can you see it released now?"),
                customerMessage(2000, "nah its fine. will just wait for it to drop off"));
        assertTrue(DETECTOR.detect(c).signals().stream().noneMatch(sig -> sig.utteranceIndex() == 2
                && !sig.ruleId().equals("model")), DETECTOR.detect(c).signals().toString());
        var denied = chat(customerMessage(0, "my app won't open"),
                agentMessage(1000, "I've reset your session. Can you log in now?"), customerMessage(2000, "nah, same screen"));
        assertEquals(Boolean.FALSE, DETECTOR.detect(denied).resolved());
    }

    @Test
    void anAgentRestatingTheSameHandOffIsOneSignal() {
        var c = chat(customerMessage(0, "my broadband is down again"),
                agentMessage(1000, "I've reset the line. Could you restart the router?"),
                customerMessage(2000, "still down"),
                agentMessage(3000, "Then an engineer needs to look at it. Someone will call you back within 24 hours."),
                customerMessage(4000, "which number?"),
                agentMessage(5000, "They will call you on the mobile ending 408."));
        List<ResolutionDetector.Signal> agent = DETECTOR.detect(c).signals().stream()
                .filter(sig -> sig.utteranceIndex() == 3 || sig.utteranceIndex() == 5).toList();
        assertEquals(List.of(3), agent.stream().filter(sig -> !sig.ruleId().equals("model"))
                .map(ResolutionDetector.Signal::utteranceIndex).toList(), agent.toString());
    }
}
