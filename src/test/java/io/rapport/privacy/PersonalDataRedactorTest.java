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
        // Fails Luhn: not a card, and too long for a phone, but sixteen digits identify something all the same.
        assertEquals("code [ID] please", R.redact("code 4111111111111112 please"));
    }

    @Test
    void numbersSaidWordByWordTakeTheTypeOfTheirCue() {
        assertEquals("my account number is [ACCOUNT] yeah",
                R.redact("my account number is four four seven one nine oh two two yeah"));
        assertEquals("and her number is [PHONE]", R.redact("and her number is oh seven seven double oh nine one two"));
        assertEquals("the reference is [ORDER] ok", R.redact("the reference is k nine r two w l ok"));
        assertEquals("it's [NUMBER]", R.redact("it's six one seven three"));
        // Counting, times and a lone letter stay.
        String plain = "one or two times, a b and then i called at nine thirty";
        assertEquals(plain, R.redact(plain));
    }

    @Test
    void writtenCodesAreIdentifiersButDatesAndModelsAreNot() {
        assertEquals("logged as incident [ORDER] so", R.redact("logged as incident INC0047721 so"));
        assertEquals("it says [ID] on the box", R.redact("it says LL-204-88193 on the box"));
        String plain = "on 12/03/2026 my iPhone 14 on version 17.2 paid £1,299.00 for 500 Mbps at 2026-11-24T08:00:00Z"
                + " as cus_0123456789abcdef0123";
        assertEquals(plain, R.redact(plain));
    }

    @Test
    void familyNamesFollowAGivenNameOrATitle() {
        assertEquals("yeah it's [NAME] [NAME] i'm her son", R.redact("yeah it's siobhan o'connor i'm her son"));
        assertEquals("thank you mrs [NAME] for waiting", R.redact("thank you mrs hughes for waiting"));
        assertEquals("Regards, [NAME] de [NAME]", R.redact("Regards, Priya de Vries"));
        // Months and days are dates here, not names.
        assertEquals("from 1 May to 30 June, every Monday", R.redact("from 1 May to 30 June, every Monday"));
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
