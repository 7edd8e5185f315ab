package io.rapport.privacy;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import java.io.IOException;
import java.io.Serializable;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.util.HexFormat;
import java.util.Map;
import java.util.Optional;

/**
 * The secret that turns customer ids into pseudonyms: HMAC-SHA256(key, id), so the same customer gets the same
 * pseudonym every night (repeat contacts still match) while nobody without the key can go back to the id or test
 * a guess. The key never sits in the repository: it comes from {@code RAPPORT_PSEUDONYM_KEY} or a file named on
 * the command line. Only the bundled sample run may use the fixed demo key, and it says so.
 *
 * @param source where the key came from: {@code env}, {@code file} or {@code demo}
 */
public record PseudonymKey(String source, byte[] secret) implements Serializable {

    public static final String ENV = "RAPPORT_PSEUDONYM_KEY";
    /** At least 128 bits of key material, written as at least 16 characters. */
    public static final int MIN_LENGTH = 16;
    /** Public on purpose: it protects nothing and is only for the bundled sample data. */
    public static final PseudonymKey DEMO = new PseudonymKey("demo",
            "rapport-demo-key-NOT-FOR-PRODUCTION".getBytes(StandardCharsets.UTF_8));

    /**
     * The key from the environment, else from the file, else the demo key when {@code sampleMode}.
     *
     * @throws IllegalArgumentException saying what to set when there is no usable key
     */
    public static PseudonymKey resolve(Map<String, String> env, Optional<String> keyFile, boolean sampleMode) {
        String fromEnv = env.get(ENV);
        if (fromEnv != null && !fromEnv.isBlank()) {
            return checked("env", fromEnv.strip(), ENV);
        }
        if (keyFile.isPresent()) {
            try {
                return checked("file", Files.readString(Path.of(keyFile.get()), StandardCharsets.UTF_8).strip(),
                        keyFile.get());
            } catch (IOException e) {
                throw new IllegalArgumentException("cannot read the pseudonym key file " + keyFile.get() + ": " + e);
            }
        }
        if (sampleMode) {
            return DEMO;
        }
        throw new IllegalArgumentException("no pseudonym key: customer ids are never written in clear, so set "
                + ENV + " or pass --pseudonym-key-file FILE (at least " + MIN_LENGTH + " characters, kept out of the"
                + " repository); the demo key is only used for the bundled samples");
    }

    private static PseudonymKey checked(String source, String key, String where) {
        if (key.length() < MIN_LENGTH) {
            throw new IllegalArgumentException("the pseudonym key from " + where + " is shorter than " + MIN_LENGTH
                    + " characters");
        }
        return new PseudonymKey(source, key.getBytes(StandardCharsets.UTF_8));
    }

    /** The pseudonym of an id: {@code cus_} and 20 hex digits (80 bits) of its keyed hash; null stays null. */
    public String pseudonym(String id) {
        return id == null ? null : "cus_" + HexFormat.of().formatHex(mac(id), 0, 10);
    }

    /**
     * A fingerprint of the key, safe to record (runs table): nights pseudonymised with different keys cannot be
     * matched for repeat contacts, and this is how one sees it.
     */
    public String fingerprint() {
        return source + ":" + HexFormat.of().formatHex(mac("rapport key fingerprint"), 0, 4);
    }

    private byte[] mac(String value) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret, "HmacSHA256"));
            return mac.doFinal(value.getBytes(StandardCharsets.UTF_8));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is part of every Java runtime", e);
        }
    }

    @Override
    public String toString() {
        return "PseudonymKey[" + fingerprint() + "]";
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof PseudonymKey k && source.equals(k.source) && java.util.Arrays.equals(secret, k.secret);
    }

    @Override
    public int hashCode() {
        return java.util.Arrays.hashCode(secret);
    }
}
