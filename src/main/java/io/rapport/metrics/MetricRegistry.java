package io.rapport.metrics;

import io.rapport.analysis.AnalyzedConversation;
import io.rapport.analysis.language.LanguageDetectors;
import io.rapport.model.Speaker;

import java.util.List;

/** Every conversation metric, in column order. Adding a metric means adding it here and to docs/metrics.md. */
public final class MetricRegistry {

    public static final List<ConversationMetric> ALL = List.of(
            new DurationMs(),
            new TalkTime(Speaker.AGENT),
            new TalkTime(Speaker.CUSTOMER),
            new NonTalkTime(),
            new Crosstalk(),
            new AgentTalkShare(),
            new LongestCustomerTurn(),
            new InterruptionCount(Speaker.AGENT),
            new InterruptionCount(Speaker.CUSTOMER),
            new InterruptionOverlap(Speaker.AGENT),
            new InterruptionOverlap(Speaker.CUSTOMER),
            new InterruptionRate(Speaker.AGENT),
            new InterruptionRate(Speaker.CUSTOMER),
            new AcknowledgementCount(Speaker.AGENT),
            new AcknowledgementCount(Speaker.CUSTOMER),
            new MessageCount(Speaker.AGENT),
            new MessageCount(Speaker.CUSTOMER),
            new FirstResponseTime(),
            new MedianAgentResponseTime(),
            new ResolvedInConversation(),
            new StatementCount("empathy_statements", LanguageDetectors.EMPATHY, null, Speaker.AGENT),
            new StatementCount("empathy_feeling_statements", LanguageDetectors.EMPATHY, "feeling", Speaker.AGENT),
            new StatementCount("empathy_apology_statements", LanguageDetectors.EMPATHY, "apology", Speaker.AGENT),
            new StatementCount("empathy_validation_statements", LanguageDetectors.EMPATHY, "validation", Speaker.AGENT),
            new StatementCount("empathy_support_statements", LanguageDetectors.EMPATHY, "support", Speaker.AGENT),
            new EmpathyResponseRate.Count(EmpathyResponseRate.Part.REQUESTS),
            new EmpathyResponseRate.Count(EmpathyResponseRate.Part.RESPONSES),
            new EmpathyResponseRate(),
            new StatementCount("reflective_statements", LanguageDetectors.REFLECTIVE, null, Speaker.AGENT),
            new CustomerOpeningUninterrupted(),
            new ListeningScore(),
            new StatementCount("blame_statements", LanguageDetectors.BLAME, null, Speaker.AGENT),
            new PronounCount(true),
            new PronounCount(false),
            new CollaborationRatio(),
            new SolutionsOffered(),
            new RecapPresent(),
            new StatementCount("customer_complaint_statements", LanguageDetectors.COMPLAINT, null, Speaker.CUSTOMER),
            CustomerSentimentMetric.start(),
            CustomerSentimentMetric.end(),
            CustomerSentimentMetric.change());

    private MetricRegistry() {
    }

    /** All metric values for one conversation, in {@link #ALL}'s order. */
    public static Object[] computeAll(AnalyzedConversation c) {
        Object[] values = new Object[ALL.size()];
        for (int i = 0; i < values.length; i++) {
            values[i] = ALL.get(i).compute(c);
        }
        return values;
    }

    public static ConversationMetric byName(String name) {
        return ALL.stream().filter(m -> m.name().equals(name)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("no metric named " + name));
    }
}
