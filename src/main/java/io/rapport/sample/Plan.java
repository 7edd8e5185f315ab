package io.rapport.sample;

/**
 * Everything decided about a conversation before any line is written.
 *
 * @param upset         0 calm, 1 frustrated, 2 angry
 * @param contactNumber how many times the customer has now been in touch about this problem (1 = first time)
 */
record Plan(Medium medium, Roster.Agent agent, Roster.Customer customer, Scenario scenario, Vars vars,
            int upset, int contactNumber, Ending ending) {

    /** How the conversation ends; everything but RESOLVED leaves the customer's problem open. */
    enum Ending { RESOLVED, STILL_BROKEN, CALLBACK, MANAGER, TRANSFER }
}
