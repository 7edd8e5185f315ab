package io.rapport.sample;

import java.util.List;

/** Routing queues, with the words people use for them on the phone and in signatures. */
enum Queue {
    BILLING("billing", "billing", "Billing",
            List.of("Billing.", "A problem with my bill.", "Payments, please.")),
    TECHNICAL("technical", "technical support", "Technical Support",
            List.of("Internet not working.", "Technical support.", "My broadband.")),
    ORDERS("orders", "orders", "Orders",
            List.of("Where's my order?", "Orders.", "A delivery problem.")),
    CANCELLATIONS("cancellations", "accounts", "Accounts",
            List.of("Cancel my contract.", "Cancellation.", "I want to leave."));

    final String code;
    /** How agents name their team in speech ("the billing team"). */
    final String spokenName;
    /** How the team signs emails and labels chat forms. */
    final String title;
    /** What a caller says when the IVR bot asks for the reason of the call. */
    final List<String> intents;

    Queue(String code, String spokenName, String title, List<String> intents) {
        this.code = code;
        this.spokenName = spokenName;
        this.title = title;
        this.intents = intents;
    }
}
