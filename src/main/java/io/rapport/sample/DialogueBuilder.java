package io.rapport.sample;

import io.rapport.sample.Plan.Ending;
import io.rapport.sample.Scenario.Exchange;
import io.rapport.sample.Scenario.Solution;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;

import static io.rapport.sample.Role.AGENT;
import static io.rapport.sample.Role.BOT;
import static io.rapport.sample.Role.CUSTOMER;
import static io.rapport.sample.Role.SYSTEM;

/**
 * Writes the words of one conversation from its {@link Plan}: opening, problem statement, verification,
 * probing, the agent's style-dependent behaviours, a hold, the offer and an ending. Timing is added later
 * by {@link Timeline}.
 *
 * <p>Every helper that makes a {@link Turn} fills its {placeholders}, so callers pass templates; a frame
 * with a slot ({problem}, {recap}, ...) gets the slot's template spliced in first and is filled in one go.
 */
final class DialogueBuilder {

    private static final List<String> DISFLUENCIES = List.of("Um, ", "Uh, ", "Well, ", "So, ");

    private final Random r;
    private final Plan plan;
    private final Vars v;
    private final Roster.Style style;
    private final boolean voice;

    DialogueBuilder(Random r, Plan plan) {
        this.r = r;
        this.plan = plan;
        this.v = plan.vars();
        this.style = plan.agent().style();
        this.voice = plan.medium() == Medium.VOICE;
    }

    /**
     * Voice or chat script. Middle blocks (exchanges) always start with the agent and end with the customer,
     * and the head ends and the tail starts at a turn change, so the turn count is simply the sum of the parts.
     *
     * @param targetTurns generic exchanges are added until the script has at least this many turns
     */
    List<Turn> spoken(int targetTurns) {
        Scenario s = plan.scenario();
        List<String> details = shuffled(s.details());
        List<Turn> head = head(details);
        String agentPrefix = agentPrefix();

        List<Exchange> probes = shuffled(s.probes());
        List<Exchange> steps = shuffled(s.steps());
        List<List<Turn>> middle = new ArrayList<>();
        int probeCount = Math.min(probes.size(), 2 + r.nextInt(2));
        for (int i = 0; i < probeCount; i++) {
            middle.add(block(probes.remove(0)));
        }
        int stepCount = steps.isEmpty() ? 0 : 1 + r.nextInt(steps.size());
        for (int i = 0; i < stepCount; i++) {
            middle.add(block(steps.remove(0)));
        }
        if (r.nextDouble() < style.reflect()) {
            middle.add(1, List.of(
                    agent(pick(Phrases.REFLECT_FRAMES).replace("{reflection}", pick(s.reflections()))),
                    customer(pick(Phrases.CONFIRM))));
        }
        if (r.nextDouble() < 0.3) {
            insertWrongClaim(middle, pick(s.wrongClaims()));
        }

        List<Turn> tail = tail();
        // Longer conversations use up the scenario's own material before falling back on small talk.
        List<List<Turn>> specific = new ArrayList<>();
        probes.forEach(e -> specific.add(block(e)));
        steps.forEach(e -> specific.add(block(e)));
        details.forEach(d -> specific.add(List.of(agent(pick(Phrases.FOLLOW_UPS)), customer(d))));
        List<List<Turn>> generic = new ArrayList<>();
        for (Phrases.Filler f : Phrases.FILLERS) {
            if ((voice || !f.voiceOnly()) && (plan.customer().id() != null || !f.needsAccount())) {
                generic.add(block(f.exchange()));
            }
        }
        List<List<Turn>> extras = shuffled(specific);
        extras.addAll(shuffled(generic));
        int turns = head.size() + tail.size() + middle.stream().mapToInt(List::size).sum();
        for (int next = 0; turns < targetTurns && next < extras.size(); next++) {
            List<Turn> extra = extras.get(next);
            // Index 0 stays a scenario probe: it carries the verification acknowledgement.
            middle.add(1 + r.nextInt(middle.size()), extra);
            turns += extra.size();
        }

        List<Turn> script = new ArrayList<>(head);
        boolean prefixed = false;
        for (List<Turn> b : middle) {
            for (Turn t : b) {
                if (!prefixed && t.role() == AGENT) {
                    t = agent(agentPrefix + " " + t.text());
                    prefixed = true;
                }
                script.add(t);
            }
        }
        script.addAll(tail);
        return script.stream().map(this::styleCustomerText).toList();
    }

    /** Two to six emails; long texts with greetings and sign-offs, the customer writing first. */
    List<Turn> emailThread() {
        Scenario s = plan.scenario();
        int messages = 2 + r.nextInt(5);
        boolean chased = messages == 6;
        boolean asksForDetails = messages >= 4;
        boolean customerReplies = messages % 2 == 1 || chased;
        Exchange claim = r.nextDouble() < 0.3 ? pick(s.wrongClaims()) : null;
        List<Exchange> probes = shuffled(s.probes());
        String agentSignature = "\n\nKind regards,\n{agent}\n{company} {queueTitle} Team";

        List<Turn> thread = new ArrayList<>();
        StringBuilder first = new StringBuilder(pick(Phrases.EMAIL_HELLO)).append("\n\n")
                .append(pick(Phrases.EMAIL_OPENINGS).replace("{problem}", pick(s.problems())));
        List<String> details = shuffled(s.details());
        int detailCount = 1 + r.nextInt(2);
        for (int i = 0; i < detailCount; i++) {
            first.append(' ').append(details.get(i));
        }
        if (plan.contactNumber() > 1) {
            first.append(' ').append(pick(Phrases.CHAT_REPEAT_MENTIONS));
        }
        if (plan.upset() > 0) {
            first.append(' ').append(pick(Phrases.UPSET));
        }
        if (claim != null) {
            first.append("\n\n").append(claim.first());
        }
        first.append("\n\n").append(pick(Phrases.EMAIL_REQUESTS))
                .append("\n\n").append(pick(Phrases.EMAIL_SIGNOFFS)).append("\n{name}");
        thread.add(customer(first.toString()));
        if (chased) {
            thread.add(customer("Hi,\n\n" + pick(Phrases.EMAIL_CHASERS) + "\n\n{name}"));
        }

        String empathy = plan.upset() > 0 && r.nextDouble() < style.empathy() ? " " + emailEmpathy() : "";
        String opener = pick(chased ? Phrases.EMAIL_AGENT_LATE : Phrases.EMAIL_AGENT_THANKS);
        if (asksForDetails) {
            Exchange q1 = probes.get(0);
            Exchange q2 = probes.get(1);
            thread.add(agent("Hi {first},\n\n" + opener + empathy + "\n\n" + pick(Phrases.EMAIL_ASK_DETAILS)
                    + "\n\n- " + q1.first() + "\n- " + q2.first() + agentSignature));
            thread.add(customer("Hi {agent},\n\n" + pick(Phrases.EMAIL_ANSWER_INTROS) + " " + q1.second() + " " + q2.second()
                    + "\n\n" + pick(Phrases.EMAIL_SIGNOFFS) + "\n{first}"));
            opener = "Thanks for those details.";
            empathy = "";
        }

        StringBuilder reply = new StringBuilder("Hi {first},\n\n").append(opener).append(empathy)
                .append("\n\n").append(pick(s.findings()));
        if (claim != null) {
            reply.append(' ').append(r.nextDouble() < style.blame() ? pick(Phrases.EMAIL_BLAME) : claim.second());
        }
        if (plan.ending() == Ending.TRANSFER) {
            reply.append("\n\n").append(Phrases.EMAIL_TRANSFER);
        } else {
            Solution main = pick(s.solutions());
            reply.append("\n\n").append(main.offer());
            if (r.nextDouble() < 0.5) {
                reply.append(' ').append(pick(s.alternatives()).offer());
            }
            if (r.nextDouble() < style.recap()) {
                reply.append("\n\nTo summarise, ").append(main.recap()).append('.');
            }
        }
        thread.add(agent(reply.append(agentSignature).toString()));

        if (customerReplies) {
            String last = plan.ending() == Ending.RESOLVED
                    ? pick(Phrases.EMAIL_RESOLVED)
                    : pick(s.stillBroken()) + " " + pick(Phrases.EMAIL_UNRESOLVED);
            thread.add(customer("Hi {agent},\n\n" + last + "\n\n{first}"));
        }
        return thread;
    }

    private List<Turn> head(List<String> details) {
        Scenario s = plan.scenario();
        String problem = pick(s.problems());
        List<Turn> t = new ArrayList<>();
        if (voice) {
            if (r.nextDouble() < 0.85) {
                t.add(system(pick(Phrases.IVR_PROMPTS)));
            }
            if (r.nextDouble() < 0.35) {
                t.add(bot(pick(Phrases.VOICE_BOT_ASK)));
                t.add(customer(pick(s.queue().intents)));
                t.add(bot(pick(Phrases.VOICE_BOT_CONNECT)));
            }
            t.add(agent(pick(Phrases.VOICE_GREETINGS)));
        } else {
            t.add(system(Phrases.PRE_CHAT_FORM.replace("{problemSentence}", Words.capitalise(problem))));
            if (r.nextDouble() < 0.4) {
                t.add(bot(pick(Phrases.CHAT_BOT_HELLO)));
                t.add(customer(pick(Phrases.CHAT_ASK_FOR_HUMAN)));
                t.add(bot(pick(Phrases.CHAT_BOT_CONNECT)));
            }
            t.add(system(pick(Phrases.CHAT_JOINED)));
            t.add(agent(pick(Phrases.CHAT_GREETINGS)));
        }

        // Voice callers explain at length in one breath (room for backchannels); chat customers send bursts.
        List<String> opening = new ArrayList<>();
        opening.add(pick(voice ? Phrases.VOICE_OPENINGS : Phrases.CHAT_OPENINGS).replace("{problem}", problem));
        int detailCount = voice ? 1 + r.nextInt(2) : r.nextInt(2);
        for (int i = 0; i < detailCount; i++) {
            opening.add(details.remove(0));
        }
        if (plan.contactNumber() > 1) {
            opening.add(pick(voice ? Phrases.VOICE_REPEAT_MENTIONS : Phrases.CHAT_REPEAT_MENTIONS));
        }
        if (plan.upset() >= 1) {
            opening.add(pick(Phrases.UPSET));
        }
        if (plan.upset() == 2) {
            opening.add(pick(Phrases.ANGRY));
        }
        if (voice) {
            t.add(customer(String.join(" ", opening)));
        } else {
            opening.forEach(line -> t.add(customer(line)));
        }

        Exchange check = plan.customer().id() != null
                ? pick(voice ? Phrases.VOICE_VERIFY : Phrases.CHAT_VERIFY)
                : pick(Phrases.NO_ACCOUNT);
        t.addAll(block(check));
        return t;
    }

    /** What the agent says before the first probing question: acknowledgement, then style-dependent empathy. */
    private String agentPrefix() {
        StringBuilder p = new StringBuilder(pick(plan.customer().id() != null ? Phrases.VERIFIED : Phrases.NO_ACCOUNT_ACK));
        boolean reasonForEmpathy = plan.upset() > 0 || plan.contactNumber() > 1;
        if (r.nextDouble() < style.empathy() * (reasonForEmpathy ? 1.0 : 0.3)) {
            p.append(' ').append(plan.contactNumber() > 1 && r.nextDouble() < 0.7
                    ? pick(Phrases.EMPATHY_REPEAT) : pick(Phrases.EMPATHY));
        }
        if (r.nextDouble() < style.collaborate()) {
            p.append(' ').append(pick(Phrases.COLLABORATE));
        }
        return p.toString();
    }

    private String emailEmpathy() {
        return pick(plan.contactNumber() > 1 ? Phrases.EMPATHY_REPEAT : Phrases.EMPATHY);
    }

    /** The customer's mistaken claim rides on their answer in a block; the agent corrects it, or blames. */
    private void insertWrongClaim(List<List<Turn>> middle, Exchange claim) {
        int at = r.nextInt(middle.size());
        List<Turn> b = middle.get(at);
        Turn answer = b.get(b.size() - 1);
        List<Turn> withClaim = new ArrayList<>(b.subList(0, b.size() - 1));
        withClaim.add(customer(answer.text() + " " + claim.first()));
        withClaim.add(agent(r.nextDouble() < style.blame() ? pick(Phrases.BLAME_CORRECTIONS) : claim.second()));
        withClaim.add(customer(pick(plan.upset() > 0 ? Phrases.PUSHBACK : Phrases.CONFIRM_CORRECTION)));
        middle.set(at, withClaim);
    }

    private List<Turn> tail() {
        Scenario s = plan.scenario();
        Script t = new Script();
        t.say(AGENT, pick(voice ? Phrases.VOICE_HOLD : Phrases.CHAT_HOLD));
        if (voice || r.nextBoolean()) {
            t.say(CUSTOMER, pick(Phrases.HOLD_ACK));
        }
        t.afterHold(AGENT, pick(voice ? Phrases.VOICE_HOLD_RETURN : Phrases.CHAT_HOLD_RETURN) + " " + pick(s.findings()));

        Ending ending = plan.ending();
        boolean resolved = ending == Ending.RESOLVED;
        if ((plan.upset() > 0 && r.nextDouble() < 0.35 + 0.2 * plan.upset()) || (!resolved && r.nextDouble() < 0.4)) {
            t.say(CUSTOMER, pick(Phrases.PUSHBACK));
            t.say(AGENT, r.nextDouble() < style.blame() ? pick(Phrases.BLAME) : pick(Phrases.SOOTHE));
        }
        if (ending == Ending.TRANSFER) {
            t.say(AGENT, pick(voice ? Phrases.VOICE_TRANSFER : Phrases.CHAT_TRANSFER));
            t.say(CUSTOMER, pick(Phrases.TRANSFER_ACK));
            t.say(SYSTEM, (voice ? Phrases.VOICE_TRANSFERRED : Phrases.CHAT_TRANSFERRED).replace("{target}", "{otherQueue}"));
            return t.turns;
        }

        Solution main = pick(s.solutions());
        Solution alternative = r.nextDouble() < 0.6 ? pick(s.alternatives()) : null;
        t.say(AGENT, main.offer() + (alternative != null ? " " + alternative.offer() : ""));
        switch (ending) {
            case RESOLVED -> {
                boolean takesAlternative = alternative != null && r.nextDouble() < 0.3;
                t.say(CUSTOMER, pick(takesAlternative ? Phrases.ACCEPT_ALTERNATIVE : Phrases.ACCEPT));
                String done = pick(Phrases.DONE);
                if (r.nextDouble() < style.recap()) {
                    done += " " + pick(Phrases.RECAP_FRAMES).replace("{recap}", (takesAlternative ? alternative : main).recap());
                }
                t.say(AGENT, done);
                t.say(CUSTOMER, pick(Phrases.RESOLVED));
                t.say(AGENT, pick(Phrases.ANYTHING_ELSE));
                t.say(CUSTOMER, pick(Phrases.NOTHING_ELSE));
                t.say(AGENT, pick(voice ? Phrases.VOICE_CLOSINGS : Phrases.CHAT_CLOSINGS));
                if (r.nextDouble() < 0.7) {
                    t.say(CUSTOMER, pick(Phrases.BYE));
                }
            }
            case STILL_BROKEN -> {
                t.say(CUSTOMER, pick(s.stillBroken()) + (s.queue() == Queue.TECHNICAL ? "" : " " + pick(Phrases.STILL_BROKEN)));
                t.say(AGENT, pick(Phrases.ESCALATE));
                if (r.nextBoolean()) {
                    t.say(CUSTOMER, pick(Phrases.BYE));
                }
            }
            case CALLBACK -> {
                t.say(CUSTOMER, pick(s.stillBroken()) + " " + pick(voice ? Phrases.VOICE_CALLBACK : Phrases.CHAT_CALLBACK));
                t.say(AGENT, pick(Phrases.CALLBACK_ACK));
            }
            case MANAGER -> {
                t.say(CUSTOMER, pick(s.stillBroken()) + " " + pick(Phrases.ASK_MANAGER));
                t.say(AGENT, pick(voice ? Phrases.VOICE_TO_MANAGER : Phrases.CHAT_TO_MANAGER));
                t.say(SYSTEM, (voice ? Phrases.VOICE_TRANSFERRED : Phrases.CHAT_TRANSFERRED).replace("{target}", Phrases.TEAM_LEADER));
            }
            default -> throw new IllegalStateException("unhandled ending " + ending);
        }
        if (!voice && r.nextDouble() < 0.6 && ending != Ending.MANAGER) {
            t.say(SYSTEM, pick(Phrases.CHAT_CLOSED));
        }
        return t.turns;
    }

    /** Spoken customers hesitate; chat customers often type casually. */
    private Turn styleCustomerText(Turn t) {
        if (t.role() != CUSTOMER) {
            return t;
        }
        String text = t.text();
        if (voice && r.nextDouble() < 0.2) {
            text = pick(DISFLUENCIES) + lowerFirstUnlessPronoun(text);
        } else if (!voice && r.nextDouble() < 0.3 && !text.contains("\n")) {
            text = lowerFirstUnlessPronoun(text);
            if (text.endsWith(".") && !text.endsWith("..")) {
                text = text.substring(0, text.length() - 1);
            }
        }
        return new Turn(t.role(), text, t.afterHold());
    }

    private static String lowerFirstUnlessPronoun(String s) {
        boolean pronounI = s.startsWith("I ") || s.startsWith("I'");
        return pronounI || s.isEmpty() ? s : Character.toLowerCase(s.charAt(0)) + s.substring(1);
    }

    /** Collects tail turns; on the phone, consecutive lines by the same party become one utterance. */
    private final class Script {
        private final List<Turn> turns = new ArrayList<>();

        void say(Role role, String text) {
            Turn last = turns.isEmpty() ? null : turns.get(turns.size() - 1);
            String filled = v.fill(text);
            if (voice && last != null && last.role() == role && role.isParty()) {
                turns.set(turns.size() - 1, new Turn(role, last.text() + " " + filled, last.afterHold()));
            } else {
                turns.add(new Turn(role, filled, false));
            }
        }

        void afterHold(Role role, String text) {
            turns.add(new Turn(role, v.fill(text), true));
        }
    }

    private List<Turn> block(Exchange e) {
        return List.of(agent(e.first()), customer(e.second()));
    }

    private Turn agent(String text) {
        return new Turn(AGENT, v.fill(text), false);
    }

    private Turn customer(String text) {
        return new Turn(CUSTOMER, v.fill(text), false);
    }

    private Turn system(String text) {
        return new Turn(SYSTEM, v.fill(text), false);
    }

    private Turn bot(String text) {
        return new Turn(BOT, v.fill(text), false);
    }

    private <T> T pick(List<T> options) {
        return Words.pick(r, options);
    }

    private <T> List<T> shuffled(List<T> xs) {
        List<T> copy = new ArrayList<>(xs);
        Collections.shuffle(copy, r);
        return copy;
    }
}
