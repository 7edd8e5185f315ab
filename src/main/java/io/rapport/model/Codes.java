package io.rapport.model;

import java.util.Locale;
import java.util.Optional;

/** Lower-case wire codes of the model's enums ("voice", "agent"), matched case-insensitively. */
final class Codes {
    private Codes() {
    }

    static String of(Enum<?> e) {
        return e.name().toLowerCase(Locale.ROOT);
    }

    static <E extends Enum<E>> Optional<E> parse(Class<E> type, String code) {
        for (E e : type.getEnumConstants()) {
            if (e.name().equalsIgnoreCase(code.trim())) {
                return Optional.of(e);
            }
        }
        return Optional.empty();
    }
}
