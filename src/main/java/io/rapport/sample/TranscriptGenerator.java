package io.rapport.sample;

import io.rapport.sample.Plan.Ending;
import io.rapport.sample.Transcript.Utterance;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.List;
import java.util.Random;

/** Makes one night's conversations, each from its own seeded Random. */
final class TranscriptGenerator {

    /** Relative contact volume per UTC hour: quiet overnight, peaks mid-morning and mid-afternoon. */
    private static final double[] HOURLY_VOLUME = {
            0.30, 0.20, 0.15, 0.15, 0.20, 0.40, 0.80, 1.60, 3.00, 4.20, 4.60, 4.40,
            3.80, 4.00, 4.30, 4.10, 3.60, 3.00, 2.40, 1.90, 1.40, 1.00, 0.70, 0.45};
    private static final double[] CUMULATIVE_VOLUME = new double[HOURLY_VOLUME.length + 1];

    static {
        for (int h = 0; h < HOURLY_VOLUME.length; h++) {
            CUMULATIVE_VOLUME[h + 1] = CUMULATIVE_VOLUME[h] + HOURLY_VOLUME[h];
        }
    }

    /** Share of contacts per queue, in {@link Queue} declaration order (billing, technical, orders, cancellations). */
    private static final int[] QUEUE_WEIGHTS = {7, 6, 4, 3};

    private final long nightSeed;
    private final LocalDate date;

    TranscriptGenerator(long nightSeed, LocalDate date) {
        this.nightSeed = nightSeed;
        this.date = date;
    }

    /**
     * @param streamNumber unique per generated conversation in the night; picks its Random
     * @param stratum      1-based position of the conversation in the night's time order, out of {@code strata}
     * @param forced       channel to use instead of drawing one (bad records need voice), or null
     */
    Transcript generate(String id, long streamNumber, long stratum, long strata, Medium forced) {
        Random r = new Random(Seeds.stream(nightSeed, streamNumber));
        Instant startedAt = startTime((stratum - 1 + r.nextDouble()) / strata);
        double channelDraw = r.nextDouble();
        Medium medium = forced != null ? forced
                : channelDraw < 0.60 ? Medium.VOICE : channelDraw < 0.90 ? Medium.CHAT : Medium.EMAIL;

        Roster.Agent agent = Words.pick(r, Roster.AGENTS);
        String teamId = r.nextDouble() < 0.03 ? null : agent.team();
        Roster.Customer customer = r.nextDouble() < 0.08
                ? Roster.anonymous(r)
                // Skewed towards low numbers, so a few customers contact us again and again.
                : Roster.customer((int) (Roster.CUSTOMER_COUNT * Math.pow(r.nextDouble(), 1.4)));
        Queue queue = queue(r);
        Scenario scenario = Words.pick(r, Scenarios.forQueue(queue));
        String queueField = r.nextDouble() < 0.04 ? null : queue.code;

        double repeatDraw = r.nextDouble();
        int contactNumber = repeatDraw < 0.78 ? 1 : repeatDraw < 0.91 ? 2 : repeatDraw < 0.97 ? 3 : 4;
        double upsetDraw = r.nextDouble() - (contactNumber > 1 ? 0.25 : 0);
        int upset = upsetDraw < 0.45 ? 0 : upsetDraw < 0.85 ? 1 : 2;
        Ending ending = ending(r, agent.style(), upset, contactNumber);

        Vars vars = new Vars(r, date, LocalTime.ofInstant(startedAt, ZoneOffset.UTC), customer, agent, queue, contactNumber);
        Plan plan = new Plan(medium, agent, customer, scenario, vars, upset, contactNumber, ending);
        DialogueBuilder dialogue = new DialogueBuilder(r, plan);
        List<Utterance> utterances = switch (medium) {
            case VOICE -> Timeline.voice(dialogue.spoken(20 + (int) (36 * Math.pow(r.nextDouble(), 1.5))),
                    r, agent.style(), upset);
            case CHAT -> Timeline.chat(dialogue.spoken(12 + (int) (26 * Math.pow(r.nextDouble(), 1.3))), r);
            case EMAIL -> Timeline.email(dialogue.emailThread(), r);
        };
        return new Transcript(id, medium.code, startedAt, agent.id(), teamId, customer.id(), queueField, utterances);
    }

    /** Blaming agents and angry, repeat customers resolve less often; some agents escalate more. */
    private static Ending ending(Random r, Roster.Style style, int upset, int contactNumber) {
        double resolved = 0.72 + style.resolveShift() - 0.08 * upset - (contactNumber > 1 ? 0.05 : 0);
        if (r.nextDouble() < resolved) {
            return Ending.RESOLVED;
        }
        double u = r.nextDouble();
        double manager = 0.25 + 0.3 * style.blame();
        return u < manager ? Ending.MANAGER
                : u < manager + 0.3 ? Ending.STILL_BROKEN
                : u < manager + 0.5 ? Ending.CALLBACK
                : Ending.TRANSFER;
    }

    /** Inverse of the hourly volume curve: maps a fraction of the night's contacts to a time on {@link #date}. */
    private Instant startTime(double fraction) {
        double target = fraction * CUMULATIVE_VOLUME[HOURLY_VOLUME.length];
        int hour = 0;
        while (hour < HOURLY_VOLUME.length - 1 && CUMULATIVE_VOLUME[hour + 1] <= target) {
            hour++;
        }
        double withinHour = (target - CUMULATIVE_VOLUME[hour]) / HOURLY_VOLUME[hour];
        long second = hour * 3600L + Math.min(3599, (long) (withinHour * 3600));
        return date.atStartOfDay(ZoneOffset.UTC).toInstant().plusSeconds(second);
    }

    private static Queue queue(Random r) {
        int draw = r.nextInt(Arrays.stream(QUEUE_WEIGHTS).sum());
        int q = 0;
        while (draw >= QUEUE_WEIGHTS[q]) {
            draw -= QUEUE_WEIGHTS[q];
            q++;
        }
        return Queue.values()[q];
    }
}
