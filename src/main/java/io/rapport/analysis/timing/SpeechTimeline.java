package io.rapport.analysis.timing;

import io.rapport.model.Conversation;
import io.rapport.model.Speaker;
import io.rapport.model.Utterance;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * When each party was speaking in a voice conversation, as merged intervals per speaker. Overlapping
 * utterances of one speaker (diarisation often splits a turn into overlapping pieces) count once.
 */
public final class SpeechTimeline {

    /** Half-open interval [start, end) in ms from the conversation's start. */
    record Interval(long start, long end) {
        long length() {
            return end - start;
        }
    }

    private final Map<Speaker, List<Interval>> bySpeaker = new EnumMap<>(Speaker.class);
    private final long durationMs;

    public SpeechTimeline(Conversation c) {
        if (!c.channel().isTimed()) {
            throw new IllegalArgumentException("a speech timeline needs a timed (voice) conversation");
        }
        Map<Speaker, List<Interval>> raw = new EnumMap<>(Speaker.class);
        long maxEnd = 0;
        for (Utterance u : c.utterances()) {
            raw.computeIfAbsent(u.speaker(), s -> new ArrayList<>()).add(new Interval(u.startMs(), u.endMs()));
            maxEnd = Math.max(maxEnd, u.endMs());
        }
        raw.forEach((s, list) -> bySpeaker.put(s, merge(list)));
        durationMs = maxEnd;
    }

    /** From the conversation's start (offset 0) to the end of the last utterance. */
    public long durationMs() {
        return durationMs;
    }

    public long talkMs(Speaker s) {
        return total(bySpeaker.getOrDefault(s, List.of()));
    }

    /** Time during which both speakers were talking. */
    public long overlapMs(Speaker a, Speaker b) {
        return total(intersect(bySpeaker.getOrDefault(a, List.of()), bySpeaker.getOrDefault(b, List.of())));
    }

    /** Time during which at least one of agent and customer was talking. */
    public long partyTalkMs() {
        List<Interval> both = new ArrayList<>(bySpeaker.getOrDefault(Speaker.AGENT, List.of()));
        both.addAll(bySpeaker.getOrDefault(Speaker.CUSTOMER, List.of()));
        return total(merge(both));
    }

    static List<Interval> merge(List<Interval> intervals) {
        List<Interval> sorted = new ArrayList<>(intervals);
        sorted.sort(Comparator.comparingLong(Interval::start));
        List<Interval> out = new ArrayList<>();
        for (Interval i : sorted) {
            if (i.length() == 0) {
                continue;
            }
            if (!out.isEmpty() && i.start() <= out.get(out.size() - 1).end()) {
                Interval last = out.remove(out.size() - 1);
                out.add(new Interval(last.start(), Math.max(last.end(), i.end())));
            } else {
                out.add(i);
            }
        }
        return out;
    }

    static List<Interval> intersect(List<Interval> a, List<Interval> b) {
        List<Interval> out = new ArrayList<>();
        int i = 0;
        int j = 0;
        while (i < a.size() && j < b.size()) {
            long start = Math.max(a.get(i).start(), b.get(j).start());
            long end = Math.min(a.get(i).end(), b.get(j).end());
            if (start < end) {
                out.add(new Interval(start, end));
            }
            if (a.get(i).end() < b.get(j).end()) {
                i++;
            } else {
                j++;
            }
        }
        return out;
    }

    private static long total(List<Interval> intervals) {
        long sum = 0;
        for (Interval i : intervals) {
            sum += i.length();
        }
        return sum;
    }
}
