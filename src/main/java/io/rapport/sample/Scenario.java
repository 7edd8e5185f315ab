package io.rapport.sample;

import java.util.List;

/**
 * One kind of customer problem, with several phrasings for each dialogue slot so that texts vary.
 * Templates use {placeholders} filled from {@link Vars}.
 *
 * @param problems     first-person clauses without a leading capital ("I've been charged twice ...")
 * @param details      full sentences the customer adds to the problem
 * @param reflections  clauses for the agent's restatement ("so what you're saying is ...?")
 * @param probes       agent question, customer answer
 * @param steps        troubleshooting instruction, customer's result
 * @param wrongClaims  customer's mistaken belief about a policy, agent's neutral correction
 * @param findings     what the agent found after checking
 * @param solutions    the main fix
 * @param alternatives other options, phrased to follow a solution
 * @param stillBroken  customer lines when the fix is not good enough
 */
record Scenario(
        Queue queue,
        List<String> problems,
        List<String> details,
        List<String> reflections,
        List<Exchange> probes,
        List<Exchange> steps,
        List<Exchange> wrongClaims,
        List<String> findings,
        List<Solution> solutions,
        List<Solution> alternatives,
        List<String> stillBroken) {

    /** Two lines where the second answers the first. */
    record Exchange(String first, String second) {
    }

    /** An offer the agent makes, and how the agent states it in a recap (a clause). */
    record Solution(String offer, String recap) {
    }
}
