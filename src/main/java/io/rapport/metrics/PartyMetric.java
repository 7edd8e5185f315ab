package io.rapport.metrics;

import io.rapport.model.Speaker;

/** A metric measured for one party; its column is named {@code <party>_<measure>}. */
abstract class PartyMetric extends ConversationMetric {
    protected final Speaker party;

    PartyMetric(Speaker party, String measure, MetricType type, String unit, Scope scope) {
        super(party.code() + "_" + measure, type, unit, scope);
        this.party = party;
    }
}
