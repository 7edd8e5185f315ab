package io.rapport.analysis.language;

import io.rapport.analysis.BehaviorEvent;

import java.util.List;

/**
 * What the language detectors found in one conversation.
 *
 * @param events            one event per utterance and behaviour kind (empathy subtypes, blame kinds, ...)
 * @param distinctSolutions distinct options the agent offered (see rules/solution_offered.rules)
 * @param agentWeWords      we/us/our/ours/ourselves/let's in agent utterances
 * @param agentYouWords     you/your/yours/yourself in agent utterances
 * @param agentQuestions    agent sentences that ask something
 * @param sentiment         the customer's sentiment at the start and end; null when sentiment is off
 * @param empathyRequests   customer utterances that ask for empathy (see {@link LanguageDetectors#NEGATIVE})
 * @param empathyResponses  of those, the ones the agent answered with empathy in time ({@link LanguageDetectors#RESPONSE_TURNS})
 */
public record LanguageFindings(List<BehaviorEvent> events, int distinctSolutions, int agentWeWords,
                               int agentYouWords, int agentQuestions, CustomerSentiment.Arc sentiment,
                               int empathyRequests, int empathyResponses) {
}
