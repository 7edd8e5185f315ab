package io.rapport.privacy;

import io.rapport.model.Channel;
import io.rapport.model.Conversation;
import io.rapport.model.Speaker;
import io.rapport.model.Utterance;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

/**
 * Support conversations seeded with many forms of personal data, said where the behaviour detectors fire (a
 * complaint, an apology, a solution, a recap), so unredacted they would reach event excerpts. Deterministic.
 */
final class PersonalDataSeeds {

    /** A seeded value and its type (CARD, PHONE, EMAIL, POSTCODE, ACCOUNT, ORDER, NAME, CUSTOMER_ID). */
    record Seed(String type, String value) {
    }

    static final List<String> NAMES = List.of("Dana Whitfield", "Marcus Bell", "Priya Natarajan", "Tom Reyes",
            "Aisha Bello", "Olivia Chen", "Sofia Rossi", "Liam Murphy", "Grace Kim", "Noah Patel", "Emma Schmidt",
            "Chloe Dubois", "Kwame Mensah", "Yuki Tanaka", "Isabella Garcia", "Oliver Smith", "Amelia Jones",
            "Harry Wilson", "Zoe Evans", "Lily Wright");
    static final List<String> CARDS = List.of("4111 1111 1111 1111", "5500-0000-0000-0004", "4012888888881881",
            "3782 822463 10005", "6011 0009 9013 9424", "5105 1051 0510 5100");
    static final List<String> PHONES = List.of("+44 7700 900123", "(202) 555-0142", "202-555-0199", "07700 900456",
            "+1 415 555 0132", "0161 496 0754");
    static final List<String> POSTCODES = List.of("SW1A 1AA", "M1 1AE", "EH1 1YZ", "B33 8TH", "K1A 0B1");
    static final List<String> ACCOUNTS = List.of("4471-9023", "8812-3345", "AC-7731942", "C-55310");
    static final List<String> ORDERS = List.of("88123456", "ZX99812", "5531298", "TK-44120");

    final List<Conversation> conversations = new ArrayList<>();
    final Map<String, String> customerIds = new LinkedHashMap<>();
    final List<Seed> seeds = new ArrayList<>();
    final List<String> seededTexts = new ArrayList<>();

    PersonalDataSeeds(int count, Instant night) {
        Random r = new Random(7);
        for (int i = 0; i < count; i++) {
            String name = NAMES.get(i % NAMES.size());
            String first = name.split(" ")[0];
            String card = CARDS.get(r.nextInt(CARDS.size()));
            String phone = PHONES.get(r.nextInt(PHONES.size()));
            String email = first.toLowerCase() + "." + name.split(" ")[1].toLowerCase() + i + "@example.com";
            String postcode = POSTCODES.get(r.nextInt(POSTCODES.size()));
            String account = ACCOUNTS.get(r.nextInt(ACCOUNTS.size()));
            String order = ORDERS.get(r.nextInt(ORDERS.size()));
            String customer = "cu-" + (7000 + i);
            List<String> texts = List.of(
                    "Thank you for calling Northwind, this is Sam, how can I help?",
                    "Hi, my name is " + name + ". I've been charged twice on my card " + card + " and this is"
                            + " the third time I've had to call. Nobody called me back on " + phone + ".",
                    "I'm so sorry, " + first + ", that's really frustrating and I can see why you're upset.",
                    "My account number is " + account + " and order number " + order + " never arrived at "
                            + postcode + ". You can email me at " + email + ".",
                    "I can refund the second payment today and I'll send a replacement to " + postcode
                            + ", with the confirmation to " + email + ".",
                    "Okay.",
                    "So to recap, " + first + ": I've refunded the card ending " + card.substring(card.length() - 4)
                            + ", order " + order + " will be resent, and we'll call you on " + phone + " tomorrow.",
                    "Thanks " + first + ", that's everything. Bye.");
            List<Utterance> utterances = new ArrayList<>();
            long t = 0;
            for (int k = 0; k < texts.size(); k++) {
                Speaker s = k % 2 == 0 ? Speaker.AGENT : Speaker.CUSTOMER;
                if (k == 6 || k == 4) {
                    s = Speaker.AGENT;
                }
                if (k == 5 || k == 7) {
                    s = Speaker.CUSTOMER;
                }
                long length = 1500 + texts.get(k).length() * 60L;
                utterances.add(new Utterance(k, s, t, t + length, texts.get(k)));
                t += length + 400;
            }
            conversations.add(new Conversation("pii-" + i, Channel.VOICE, night.plusSeconds(600L * i),
                    "ag-" + (1 + i % 3), "t-1", customer, "billing", utterances));
            customerIds.put("pii-" + i, customer);
            seeds.add(new Seed("NAME", name.split(" ")[1]));
            seeds.add(new Seed("NAME", first));
            seeds.add(new Seed("CARD", card));
            seeds.add(new Seed("PHONE", phone));
            seeds.add(new Seed("EMAIL", email));
            seeds.add(new Seed("POSTCODE", postcode));
            seeds.add(new Seed("ACCOUNT", account));
            seeds.add(new Seed("ORDER", order));
            seeds.add(new Seed("CUSTOMER_ID", customer));
            seeds.add(new Seed("NAME", "Sam"));
            seededTexts.addAll(texts);
        }
    }
}
