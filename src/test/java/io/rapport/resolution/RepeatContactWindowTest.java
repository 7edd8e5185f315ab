package io.rapport.resolution;

import io.rapport.resolution.RepeatContactWindow.Contact;
import io.rapport.resolution.RepeatContactWindow.Repeat;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class RepeatContactWindowTest {

    static final RepeatContactWindow WEEK = new RepeatContactWindow(7);

    static Contact contact(String id, String at) {
        return new Contact(id, Instant.parse(at));
    }

    @Test
    void exactlySevenDaysLaterIsARepeatOneSecondMoreIsNot() {
        assertEquals(new Repeat("b", Instant.parse("2026-11-08T10:00:00Z")), WEEK.repeats(List.of(
                contact("a", "2026-11-01T10:00:00Z"), contact("b", "2026-11-08T10:00:00Z"))).get(0));
        assertEquals(Repeat.NONE, WEEK.repeats(List.of(
                contact("a", "2026-11-01T10:00:00Z"), contact("b", "2026-11-08T10:00:01Z"))).get(0));
    }

    @Test
    void theFirstLaterContactIsTheRepeatAndTheLastHasNone() {
        List<Repeat> r = WEEK.repeats(List.of(
                contact("late", "2026-11-03T16:00:00Z"),
                contact("first", "2026-11-01T09:00:00Z"),
                contact("same-day", "2026-11-01T15:00:00Z")));
        assertEquals("same-day", r.get(1).conversationId(), "same-day repeats count");
        assertEquals("late", r.get(2).conversationId());
        assertFalse(r.get(0).found());
    }

    @Test
    void simultaneousContactsAreNotRepeatsOfEachOther() {
        List<Repeat> r = WEEK.repeats(List.of(contact("x", "2026-11-01T09:00:00Z"), contact("y", "2026-11-01T09:00:00Z"),
                contact("z", "2026-11-02T09:00:00Z")));
        assertEquals("z", r.get(0).conversationId());
        assertEquals("z", r.get(1).conversationId());
    }

    @Test
    void finalOnlyWhenTheNightAndTheWindowsNightsAreAllProcessed() {
        LocalDate n = LocalDate.of(2026, 11, 1);
        Set<LocalDate> eightNights = Set.of(n, n.plusDays(1), n.plusDays(2), n.plusDays(3), n.plusDays(4), n.plusDays(5),
                n.plusDays(6), n.plusDays(7));
        assertTrue(WEEK.isFinal(n, eightNights));
        assertFalse(WEEK.isFinal(n.plusDays(1), eightNights), "its seventh following night is missing");
        assertFalse(WEEK.isFinal(n, Set.of(n, n.plusDays(1), n.plusDays(3), n.plusDays(4), n.plusDays(5),
                n.plusDays(6), n.plusDays(7))), "a gap inside the window keeps it provisional");
        assertThrows(IllegalArgumentException.class, () -> new RepeatContactWindow(0));
    }
}
