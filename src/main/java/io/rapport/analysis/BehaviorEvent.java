package io.rapport.analysis;

import io.rapport.model.Conversation;
import io.rapport.model.Utterance;

/**
 * One moment in a conversation that shows a behaviour, for coaches to play back.
 *
 * @param utteranceIndex 0-based position in the input's utterance list; the utterance that shows the behaviour
 * @param behavior       lower_snake_case behaviour name, e.g. {@code interruption}
 * @param detail         behaviour-specific qualifier, e.g. {@code agent_interrupted_customer}
 * @param ruleId         the rule that fired, so a disputed event can be traced to its definition
 */
public record BehaviorEvent(String conversationId, String agentId, int utteranceIndex, String speaker,
                            String behavior, String detail, long offsetMs, String excerpt, String ruleId) {

    public static final int MAX_EXCERPT_CHARS = 240;

    /** An event on utterance {@code u}, stamped with its offset and a bounded excerpt of its text. */
    public static BehaviorEvent of(Conversation c, Utterance u, String behavior, String detail, String ruleId) {
        return new BehaviorEvent(c.conversationId(), c.agentId(), u.index(), u.speaker().code(), behavior, detail,
                u.startMs(), excerpt(u.text()), ruleId);
    }

    public static String excerpt(String text) {
        String t = text.strip();
        return t.length() <= MAX_EXCERPT_CHARS ? t : t.substring(0, MAX_EXCERPT_CHARS - 1) + "…";
    }
}
