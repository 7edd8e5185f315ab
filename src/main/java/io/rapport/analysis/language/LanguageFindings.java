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
 */
public record LanguageFindings(List<BehaviorEvent> events, int distinctSolutions, int agentWeWords,
                               int agentYouWords, int agentQuestions, CustomerSentiment.Arc sentiment) {
}
