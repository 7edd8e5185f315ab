package io.rapport.sample;

import io.rapport.sample.Transcript.Utterance;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Random;

/** Puts a script on the clock: millisecond offsets from the conversation start for each channel. */
final class Timeline {

    private static final int MAX_VOICE_UTTERANCES = 70;
    private static final long MIN_VOICE_MS = 120_000;
    private static final long MAX_VOICE_MS = 720_000;

    private static final long MS_PER_WORD = 400; // about 150 words a minute
    private static final long SECOND = 1_000;
    private static final long MINUTE = 60 * SECOND;
    private static final long HOUR = 60 * MINUTE;

    private Timeline() {
    }

    /** A voice utterance while it is being placed; start and end move when a hold is inserted. */
    private static final class Timed {
        final Role role;
        final String text;
        long start;
        long end;

        Timed(Role role, String text, long start, long end) {
            this.role = role;
            this.text = text;
            this.start = start;
            this.end = end;
        }
    }

    /**
     * Voice: speech at ~400 ms per word and 150–900 ms gaps between turns, plus the overlaps the timing
     * analysis looks for: 50–300 ms overlaps at turn changes, agent interruptions 700–2500 ms before the
     * customer finishes (interrupting agents only), occasional customer interruptions, and agent backchannels
     * inside long customer turns. The single hold is sized so the call lasts 2–12 minutes.
     */
    static List<Utterance> voice(List<Turn> script, Random r, Roster.Style style, int upset) {
        List<Timed> out = new ArrayList<>();
        long cursor = 0; // when the line falls silent: the latest end so far
        int holdIndex = -1;
        Timed prev = null;
        for (Turn t : script) {
            long duration = speechMs(t.text(), r);
            long start;
            if (prev == null) {
                start = t.role() == Role.AGENT ? 300 + r.nextInt(1200) : 0;
            } else if (t.afterHold()) {
                holdIndex = out.size();
                start = cursor; // the hold itself is added once the speaking time is known
            } else {
                boolean turnChange = t.role() != prev.role && t.role().isParty() && prev.role.isParty()
                        && prev.end == cursor;
                long prevDuration = prev.end - prev.start;
                if (turnChange && t.role() == Role.AGENT && prevDuration >= 3_500 && duration >= 1_500
                        && r.nextDouble() < style.interrupt()) {
                    // Starts 700–2500 ms before the customer finishes and outlasts them.
                    long maxOverlap = Math.min(2_500, Math.min(prevDuration - 1_500, duration - 400));
                    start = prev.end - between(r, 700, maxOverlap);
                } else if (turnChange && t.role() == Role.CUSTOMER && prevDuration >= 3_000 && duration >= 1_200
                        && r.nextDouble() < 0.02 + 0.03 * upset) {
                    start = prev.end - between(r, 400, Math.min(1_500, duration - 400));
                } else if (turnChange && r.nextDouble() < 0.18) {
                    start = prev.end - between(r, 50, 300);
                } else {
                    start = cursor + between(r, 150, 900);
                }
            }
            prev = new Timed(t.role(), t.text(), start, start + duration);
            out.add(prev);
            cursor = Math.max(cursor, prev.end);
        }

        if (holdIndex >= 0) {
            long hold = holdMs(r, cursor);
            for (int i = holdIndex; i < out.size(); i++) {
                out.get(i).start += hold;
                out.get(i).end += hold;
            }
        }
        addBackchannels(out, r, style);
        out.sort(Comparator.comparingLong(x -> x.start));
        return out.stream().map(x -> new Utterance(x.role.code, x.start, x.end, x.text)).toList();
    }

    /** Hold music: usually a minute or two, stretched so the call reaches 2 minutes, cut so it stays under 12. */
    private static long holdMs(Random r, long speakingMs) {
        double u = r.nextDouble();
        long hold = 10 * SECOND + (long) (290 * SECOND * u * u);
        if (speakingMs + hold < MIN_VOICE_MS) {
            hold = MIN_VOICE_MS - speakingMs + between(r, 5 * SECOND, 35 * SECOND);
        }
        long latestEnd = MAX_VOICE_MS - 5 * SECOND;
        if (speakingMs + hold > latestEnd) {
            hold = Math.max(3 * SECOND, latestEnd - speakingMs);
        }
        return hold;
    }

    /**
     * "Mm-hmm"-style acknowledgements of 300–800 ms that start and end inside a long customer turn, before any
     * agent utterance that interrupts it, and never over the agent's own previous utterance.
     */
    private static void addBackchannels(List<Timed> out, Random r, Roster.Style style) {
        List<Timed> added = new ArrayList<>();
        int budget = MAX_VOICE_UTTERANCES - out.size();
        for (Timed c : out) {
            if (c.role != Role.CUSTOMER || c.end - c.start < 4_000 || r.nextDouble() >= style.backchannel()) {
                continue;
            }
            long from = c.start + 1_000;
            long until = c.end - 200;
            for (Timed a : out) {
                if (a.role == Role.AGENT && a.start <= c.start) {
                    from = Math.max(from, a.end + 300);
                } else if (a.role == Role.AGENT && a.start < c.end) {
                    until = Math.min(until, a.start - 200);
                }
            }
            int count = c.end - c.start >= 9_000 && r.nextBoolean() ? 2 : 1;
            long slot = (until - from) / count;
            for (int i = 0; i < count && budget > 0; i++) {
                long duration = between(r, 300, 800);
                long slotStart = from + i * slot;
                long latest = slotStart + slot - duration;
                if (latest < slotStart) {
                    break;
                }
                long start = between(r, slotStart, latest);
                added.add(new Timed(Role.AGENT, Words.pick(r, Phrases.BACKCHANNELS), start, start + duration));
                budget--;
            }
        }
        out.addAll(added);
    }

    /**
     * Chat: messages are points in time. Agents answer after 10 s–3 min, customers after a few seconds to
     * two minutes, and the agent joins after the customer has waited in the queue.
     */
    static List<Utterance> chat(List<Turn> script, Random r) {
        return pointsInTime(script, (prev, turn, last) -> chatGap(r, prev, turn, last));
    }

    private static long chatGap(Random r, Role prev, Turn turn, boolean last) {
        double u = r.nextDouble();
        return switch (turn.role()) {
            case BOT -> between(r, SECOND, 4 * SECOND);
            case SYSTEM -> last ? between(r, 5 * SECOND, MINUTE) : between(r, 20 * SECOND, 4 * MINUTE);
            case CUSTOMER -> prev == Role.CUSTOMER
                    ? between(r, 3 * SECOND, 25 * SECOND)
                    : 8 * SECOND + (long) (112 * SECOND * u * u);
            case AGENT -> {
                if (turn.afterHold()) {
                    yield between(r, MINUTE, 3 * MINUTE);
                }
                yield prev == Role.CUSTOMER
                        ? 10 * SECOND + (long) (170 * SECOND * u * u)
                        : between(r, 5 * SECOND, 30 * SECOND);
            }
        };
    }

    /** Email: replies arrive hours apart, sometimes the next day, so offsets can pass 24 hours. */
    static List<Utterance> email(List<Turn> thread, Random r) {
        return pointsInTime(thread, (prev, turn, last) -> turn.role() == Role.AGENT ? between(r, HOUR, 26 * HOUR)
                : prev == Role.CUSTOMER ? between(r, 20 * HOUR, 48 * HOUR)
                : between(r, 20 * MINUTE, 20 * HOUR));
    }

    /** The gap before a message, given who wrote the previous one and whether this one is the last. */
    private interface Gap {
        long before(Role prev, Turn turn, boolean last);
    }

    /** Messages (no end_ms) placed one gap after another, starting at 0. */
    private static List<Utterance> pointsInTime(List<Turn> script, Gap gap) {
        List<Utterance> out = new ArrayList<>();
        long t = 0;
        Role prev = null;
        for (Turn turn : script) {
            if (prev != null) {
                t += gap.before(prev, turn, out.size() == script.size() - 1);
            }
            out.add(new Utterance(turn.role().code, t, null, turn.text()));
            prev = turn.role();
        }
        return out;
    }

    private static long speechMs(String text, Random r) {
        double pace = 0.85 + 0.3 * r.nextDouble();
        return Math.max(500, 150 + Math.round(io.rapport.model.Utterance.wordCount(text) * MS_PER_WORD * pace));
    }

    /** Uniform in [lo, hi]. */
    private static long between(Random r, long lo, long hi) {
        return lo + (long) (r.nextDouble() * (hi - lo + 1));
    }
}
