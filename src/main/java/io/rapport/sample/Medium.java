package io.rapport.sample;

/** The three channels a good conversation can have (named to avoid confusion with io.rapport.model.Channel). */
enum Medium {
    VOICE("voice"), CHAT("chat"), EMAIL("email");

    final String code;

    Medium(String code) {
        this.code = code;
    }
}
