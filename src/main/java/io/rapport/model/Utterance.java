package io.rapport.model;

import java.util.Objects;

/**
 * One turn or message.
 *
 * @param index   0-based position in the source's utterance list (events point back to it)
 * @param startMs offset from the conversation's start
 * @param endMs   offset where speech ended; null for chat and email messages
 */
public record Utterance(int index, Speaker speaker, long startMs, Long endMs, String text) {

    public Utterance {
        Objects.requireNonNull(speaker, "speaker");
        Objects.requireNonNull(text, "text");
    }

    /** Duration of a timed utterance; 0 for a message. */
    public long durationMs() {
        return endMs == null ? 0 : endMs - startMs;
    }

    /** Whitespace-separated words of the text. */
    public int wordCount() {
        return wordCount(text);
    }

    /** Whitespace-separated words of {@code s}; 0 when blank. */
    public static int wordCount(String s) {
        int words = 0;
        boolean inWord = false;
        for (int i = 0; i < s.length(); i++) {
            boolean space = Character.isWhitespace(s.charAt(i));
            if (!space && !inWord) {
                words++;
            }
            inWord = !space;
        }
        return words;
    }

    /** True when this utterance's speech covers the instant {@code ms} strictly inside (start, end). */
    public boolean isSpeakingAt(long ms) {
        return endMs != null && startMs < ms && ms < endMs;
    }
}
