package io.rapport.sample;

/** Who speaks a generated line; {@link #code} is the value written to the speaker field. */
enum Role {
    AGENT("agent"), CUSTOMER("customer"), SYSTEM("system"), BOT("bot");

    final String code;

    Role(String code) {
        this.code = code;
    }

    boolean isParty() {
        return this == AGENT || this == CUSTOMER;
    }
}
