package io.rapport.sample;

import java.text.Normalizer;
import java.util.List;
import java.util.Locale;
import java.util.Random;

/** The fixed cast: eight agents in three teams and a pool of eighty customers who recur across nights. */
final class Roster {

    /**
     * How an agent tends to behave; each field is the probability of the behaviour where it could occur.
     * {@code resolveShift} moves the chance that a conversation ends resolved.
     */
    record Style(double empathy, double reflect, double blame, double collaborate, double recap,
                 double backchannel, double interrupt, double resolveShift) {
    }

    record Agent(String id, String name, String team, Style style) {
    }

    /** Identity details a customer gives when verifying; stable per customer so repeat contacts agree. */
    record Customer(String id, String name, String firstName, String email, String postcode, String dateOfBirth,
                    String cardEnding) {
    }

    // t-east has a single agent on purpose: per-team aggregates must cope with a team of one.
    static final List<Agent> AGENTS = List.of(
            new Agent("ag-11", "Priya", "t-north", new Style(0.85, 0.70, 0.00, 0.60, 0.80, 0.70, 0.00, 0.15)),
            new Agent("ag-12", "Marcus", "t-north", new Style(0.40, 0.30, 0.05, 0.80, 0.50, 0.50, 0.00, 0.05)),
            new Agent("ag-13", "Dave", "t-north", new Style(0.10, 0.05, 0.60, 0.10, 0.20, 0.25, 0.60, -0.25)),
            new Agent("ag-14", "Aisha", "t-south", new Style(0.75, 0.50, 0.00, 0.70, 0.70, 0.60, 0.00, 0.10)),
            new Agent("ag-15", "Tom", "t-south", new Style(0.30, 0.20, 0.10, 0.30, 0.90, 0.40, 0.00, 0.00)),
            new Agent("ag-16", "Kelly", "t-south", new Style(0.30, 0.20, 0.35, 0.30, 0.30, 0.30, 0.50, -0.10)),
            new Agent("ag-17", "Lucas", "t-south", new Style(0.50, 0.60, 0.05, 0.50, 0.50, 0.50, 0.00, 0.00)),
            new Agent("ag-18", "Sofia", "t-east", new Style(0.20, 0.10, 0.45, 0.20, 0.30, 0.30, 0.00, -0.15)));

    static final int CUSTOMER_COUNT = 80;

    private static final List<String> FIRST_NAMES = List.of(
            "Dana", "Zoë", "José", "Aoife", "Raj", "Grace", "Tomasz", "Chloé", "Mohammed", "Emily",
            "Kwame", "Sarah", "Liam", "Hannah", "Wei", "Olivia", "Daniel", "Fatima", "Ben", "Niamh");
    // 23 surnames against 20 first names: (k mod 20, 7k mod 23) gives 80 distinct full names.
    private static final List<String> LAST_NAMES = List.of(
            "Whitfield", "Clarke", "Martins", "Byrne", "Patel", "O'Neill", "Nowak", "Durand", "Rahman",
            "Hughes", "Mensah", "Jenkins", "Murphy", "Schmidt", "Chen", "Brown", "Okafor", "Ali",
            "Carter", "Kelly", "Evans", "Singh", "Walsh");
    private static final String POSTCODE_AREAS = "M LS B BS CF G EH NE L S";

    private Roster() {
    }

    /** Customers are a pure function of their number, so cu-517 has the same name on every night and seed. */
    static Customer customer(int k) {
        String first = FIRST_NAMES.get(k % FIRST_NAMES.size());
        String last = LAST_NAMES.get((7 * k) % LAST_NAMES.size());
        Random r = new Random(Seeds.mix(k + 1L));
        String email = ascii(first + "." + last).replace("'", "") + (r.nextInt(3) == 0 ? String.valueOf(r.nextInt(90) + 10) : "")
                + "@example.com";
        return new Customer("cu-" + (501 + k), first + " " + last, first, email, postcode(r), dateOfBirth(r), cardEnding(r));
    }

    /** Someone calling without an identifiable account: a fresh name that is not in the pool. */
    static Customer anonymous(Random r) {
        String first = FIRST_NAMES.get(r.nextInt(FIRST_NAMES.size()));
        String last = LAST_NAMES.get(r.nextInt(LAST_NAMES.size()));
        return new Customer(null, first + " " + last, first, ascii(first + "." + last).replace("'", "") + "@example.net",
                postcode(r), dateOfBirth(r), cardEnding(r));
    }

    private static String postcode(Random r) {
        String[] areas = POSTCODE_AREAS.split(" ");
        String letters = "ABDEFGHJLNPQRSTUWXYZ";
        return areas[r.nextInt(areas.length)] + (r.nextInt(19) + 1) + " " + r.nextInt(10)
                + letters.charAt(r.nextInt(letters.length())) + letters.charAt(r.nextInt(letters.length()));
    }

    private static String dateOfBirth(Random r) {
        return Words.ordinal(r.nextInt(28) + 1) + " of " + Words.MONTHS.get(r.nextInt(12)) + ", " + (1948 + r.nextInt(56));
    }

    private static String cardEnding(Random r) {
        return String.valueOf(1000 + r.nextInt(9000));
    }

    private static String ascii(String s) {
        return Normalizer.normalize(s, Normalizer.Form.NFD).replaceAll("\\p{M}", "").toLowerCase(Locale.ROOT);
    }
}
