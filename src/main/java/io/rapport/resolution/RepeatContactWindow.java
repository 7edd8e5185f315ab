package io.rapport.resolution;

import java.io.Serializable;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Set;

/**
 * The cross-conversation half of single-conversation resolution. A conversation has a repeat contact when the
 * same customer starts another conversation, on any channel, strictly after it started and at most
 * {@code windowDays} days later (default 7, the common industry convention): a contact exactly 7 × 24 h later
 * is a repeat, one a second later is not. Two contacts with the same start instant are not repeats of each
 * other.
 */
public final class RepeatContactWindow implements Serializable {

    public static final int DEFAULT_DAYS = 7;

    private final int days;

    public RepeatContactWindow(int days) {
        if (days < 1) {
            throw new IllegalArgumentException("the repeat-contact window must be at least one day, got " + days);
        }
        this.days = days;
    }

    public int days() {
        return days;
    }

    /** One conversation of a customer, as far as the window is concerned. */
    public record Contact(String conversationId, Instant startedAt) {
    }

    /** The first later contact inside the window, or null fields when there is none. */
    public record Repeat(String conversationId, Instant startedAt) {
        public static final Repeat NONE = new Repeat(null, null);

        public boolean found() {
            return conversationId != null;
        }
    }

    /** For each of one customer's contacts (any order), its repeat; results are in the input's order. */
    public List<Repeat> repeats(List<Contact> contacts) {
        List<Integer> order = new ArrayList<>();
        for (int i = 0; i < contacts.size(); i++) {
            order.add(i);
        }
        Comparator<Contact> byTime = Comparator.comparing(Contact::startedAt).thenComparing(Contact::conversationId);
        order.sort((a, b) -> byTime.compare(contacts.get(a), contacts.get(b)));
        Duration window = Duration.ofDays(days);
        Repeat[] result = new Repeat[contacts.size()];
        for (int k = 0; k < order.size(); k++) {
            Contact c = contacts.get(order.get(k));
            Repeat repeat = Repeat.NONE;
            for (int j = k + 1; j < order.size(); j++) {
                Contact next = contacts.get(order.get(j));
                if (next.startedAt().isAfter(c.startedAt())) {
                    if (!next.startedAt().isAfter(c.startedAt().plus(window))) {
                        repeat = new Repeat(next.conversationId(), next.startedAt());
                    }
                    break;
                }
            }
            result[order.get(k)] = repeat;
        }
        return List.of(result);
    }

    /**
     * A night's rows are final once every night that can hold a repeat of them has been processed: the night
     * itself and the {@code days} nights after it. Until then they are provisional and may still change.
     */
    public boolean isFinal(LocalDate night, Set<LocalDate> processedNights) {
        for (int d = 0; d <= days; d++) {
            if (!processedNights.contains(night.plusDays(d))) {
                return false;
            }
        }
        return true;
    }
}
