package io.rapport.privacy;

import org.junit.jupiter.api.Test;

import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class PersonalDataRedactorTest {

    private static final PersonalDataRedactor R = PersonalDataRedactor.forRules(Optional.empty());

    @Test
    void cardsOnlyWhenLuhnValid() {
        assertEquals("the card [CARD] was charged", R.redact("the card 4111 1111 1111 1111 was charged"));
        assertEquals("card [CARD].", R.redact("card 5500-0000-0000-0004."));
        // Fails Luhn: not a card; still a long digit run, so the phone rule does not claim 16 digits either.
        assertEquals("code 4111111111111112 please", R.redact("code 4111111111111112 please"));
    }

    @Test
    void phonesEmailsAndPostcodes() {
        assertEquals("call me on [PHONE] or [PHONE]", R.redact("call me on +44 7700 900123 or (202) 555-0142"));
        assertEquals("write to [EMAIL] today", R.redact("write to dana.w@example.net today"));
        assertEquals("I live at [POSTCODE] now", R.redact("I live at SW1A 1AA now"));
        assertEquals("my zip code is [POSTCODE]", R.redact("my zip code is 90210"));
    }

    @Test
    void accountAndOrderNumbersKeepTheirLabel() {
        assertEquals("My account number is [ACCOUNT].", R.redact("My account number is 4471-9023."));
        assertEquals("order number [ORDER] shipped", R.redact("order number AB12345 shipped"));
        assertEquals("reference [ORDER]", R.redact("reference C-55310"));
        assertEquals("Customer: [ACCOUNT]", R.redact("Customer: C-55310"));
    }

    @Test
    void ordinaryNumbersSurvive() {
        String text = "It was $64.99 on 3 November at 11:50, so 2 payments in 2026 and 3 to 5 working days.";
        assertEquals(text, R.redact(text));
    }

    @Test
    void personNamesByNer() {
        String r = R.redact("I'm so sorry, Dana Whitfield, Priya will call you back.");
        assertFalse(r.contains("Dana") || r.contains("Whitfield") || r.contains("Priya"), r);
        assertTrue(r.startsWith("I'm so sorry, [NAME]"), r);
        assertEquals("I understand how frustrating this is.", R.redact("I understand how frustrating this is."));
    }
}
