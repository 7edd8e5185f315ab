package io.rapport.sample;

import java.time.DayOfWeek;
import java.time.Month;
import java.util.List;
import java.util.Random;

/**
 * English words for dates and numbers. Spelled out here rather than taken from java.time display
 * names so that output never depends on the JVM's locale data.
 */
final class Words {

    static final List<String> MONTHS = List.of("January", "February", "March", "April", "May", "June", "July",
            "August", "September", "October", "November", "December");
    private static final List<String> WEEKDAYS = List.of("Monday", "Tuesday", "Wednesday", "Thursday", "Friday",
            "Saturday", "Sunday");
    private static final List<String> NTH = List.of("first", "second", "third", "fourth");
    private static final List<String> TIMES = List.of("once", "twice", "three times", "four times");

    private Words() {
    }

    static String month(Month m) {
        return MONTHS.get(m.getValue() - 1);
    }

    static String weekday(DayOfWeek d) {
        return WEEKDAYS.get(d.getValue() - 1);
    }

    /** "1st", "2nd", "11th", "22nd". */
    static String ordinal(int n) {
        int mod100 = n % 100;
        String suffix = mod100 >= 11 && mod100 <= 13 ? "th" : switch (n % 10) {
            case 1 -> "st";
            case 2 -> "nd";
            case 3 -> "rd";
            default -> "th";
        };
        return n + suffix;
    }

    /** "first" .. "fourth". */
    static String nth(int n) {
        return NTH.get(n - 1);
    }

    /** "once" .. "four times". */
    static String times(int n) {
        return TIMES.get(n - 1);
    }

    /** Pounds and pence, e.g. "£42.50"; built by hand because String.format would consult a locale. */
    static String pounds(int pence) {
        int p = pence % 100;
        return "£" + pence / 100 + "." + (p < 10 ? "0" : "") + p;
    }

    static <T> T pick(Random r, List<T> options) {
        return options.get(r.nextInt(options.size()));
    }

    /** Capitalises the first letter (templates store clauses in lower case so they can sit mid-sentence). */
    static String capitalise(String s) {
        return s.isEmpty() ? s : Character.toUpperCase(s.charAt(0)) + s.substring(1);
    }
}
