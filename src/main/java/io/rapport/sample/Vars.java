package io.rapport.sample;

import java.time.LocalDate;
import java.time.LocalTime;
import java.util.List;
import java.util.Random;

/** The concrete values one conversation substitutes into {placeholders}: names, amounts, dates, references. */
final class Vars {

    static final String COMPANY = "Brightline";

    private static final List<String[]> PLANS = List.of(
            new String[] {"Fibre 150", "150"}, new String[] {"Fibre 500", "500"}, new String[] {"Full Fibre 900", "900"});
    private static final int[] LATE_FEES_POUNDS = {12, 15, 25};

    private final Roster.Customer customer;
    private final Roster.Agent agent;
    private final Queue queue;
    private final String otherQueue;
    private final String partOfDay;
    private final String amount;
    private final String amount2;
    private final String increase;
    private final String fee;
    private final String exitFee;
    private final String order;
    private final String ref;
    private final String month;
    private final String date;
    private final String day;
    private final String plan;
    private final String speed;
    private final String waitMinutes;
    private final int contactNumber;

    /**
     * @param contactNumber how many times the customer has now been in touch about this (1 = first contact)
     */
    Vars(Random r, LocalDate conversationDate, LocalTime startTime, Roster.Customer customer, Roster.Agent agent,
         Queue queue, int contactNumber) {
        this.customer = customer;
        this.agent = agent;
        this.queue = queue;
        this.contactNumber = contactNumber;
        Queue other = Queue.values()[(queue.ordinal() + 1 + r.nextInt(Queue.values().length - 1)) % Queue.values().length];
        this.otherQueue = other.spokenName;
        int hour = startTime.getHour();
        this.partOfDay = hour < 12 ? "morning" : hour < 18 ? "afternoon" : "evening";
        int basePence = 2000 + r.nextInt(70) * 100 + List.of(0, 49, 50, 99).get(r.nextInt(4));
        int increasePence = (3 + r.nextInt(10)) * 100 + (r.nextBoolean() ? 0 : 50);
        this.amount = Words.pounds(basePence);
        this.amount2 = Words.pounds(basePence + increasePence);
        this.increase = Words.pounds(increasePence);
        this.fee = "£" + LATE_FEES_POUNDS[r.nextInt(LATE_FEES_POUNDS.length)];
        this.exitFee = "£" + (60 + 5 * r.nextInt(53));
        this.order = "BL-" + (100000 + r.nextInt(900000));
        this.ref = "CAS-" + (1000000 + r.nextInt(9000000));
        this.month = Words.month(conversationDate.getMonth());
        int dayOfMonth = conversationDate.getDayOfMonth();
        this.date = "the " + Words.ordinal(dayOfMonth > 1 ? 1 + r.nextInt(dayOfMonth - 1) : 1);
        this.day = Words.weekday(conversationDate.plusDays(2 + r.nextInt(3)).getDayOfWeek());
        String[] p = PLANS.get(r.nextInt(PLANS.size()));
        this.plan = p[0];
        this.speed = p[1];
        this.waitMinutes = String.valueOf(2 + r.nextInt(5));
    }

    /** Replaces every {key}; an unknown key is a template bug and fails loudly. */
    String fill(String template) {
        StringBuilder out = new StringBuilder(template.length() + 32);
        int i = 0;
        while (i < template.length()) {
            int open = template.indexOf('{', i);
            if (open < 0) {
                out.append(template, i, template.length());
                break;
            }
            int close = template.indexOf('}', open);
            out.append(template, i, open).append(value(template.substring(open + 1, close)));
            i = close + 1;
        }
        return out.toString();
    }

    private String value(String key) {
        return switch (key) {
            case "company" -> COMPANY;
            case "name" -> customer.name();
            case "first" -> customer.firstName();
            case "email" -> customer.email();
            case "postcode" -> customer.postcode();
            case "dob" -> customer.dateOfBirth();
            case "card" -> customer.cardEnding();
            case "agent" -> agent.name();
            case "queueName" -> queue.spokenName;
            case "queueTitle" -> queue.title;
            case "otherQueue" -> otherQueue;
            case "partOfDay" -> partOfDay;
            case "amount" -> amount;
            case "amount2" -> amount2;
            case "increase" -> increase;
            case "fee" -> fee;
            case "exitFee" -> exitFee;
            case "order" -> order;
            case "ref" -> ref;
            case "month" -> month;
            case "date" -> date;
            case "day" -> day;
            case "plan" -> plan;
            case "speed" -> speed;
            case "waitMinutes" -> waitMinutes;
            case "nth" -> Words.nth(contactNumber);
            case "priorContacts" -> Words.times(contactNumber - 1);
            case "totalContacts" -> Words.times(contactNumber);
            default -> throw new IllegalArgumentException("unknown placeholder {" + key + "}");
        };
    }
}
