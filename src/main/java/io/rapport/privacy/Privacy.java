package io.rapport.privacy;

import io.rapport.model.Conversation;

import java.io.Serializable;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What keeps personal data out of the output, applied at the two edges where text and ids leave the pipeline:
 * conversations get a pseudonymous customer id as soon as they are read (so resolution matches repeat contacts on
 * pseudonyms), and every free text written (event excerpts, quarantine raw text and messages) is redacted.
 */
public final class Privacy implements Serializable {

    private static final Pattern CUSTOMER_ID = Pattern.compile("(\"customer_id\"\\s*:\\s*\")((?:[^\"\\\\]|\\\\.)*)\"");

    private final PseudonymKey key;
    private final String rulesDir;

    public Privacy(PseudonymKey key, Optional<String> rulesDir) {
        this.key = key;
        this.rulesDir = rulesDir.orElse(null);
    }

    public PseudonymKey key() {
        return key;
    }

    /** The conversation with its customer id replaced by the pseudonym. */
    public Conversation protect(Conversation c) {
        if (c.customerId() == null) {
            return c;
        }
        return new Conversation(c.conversationId(), c.channel(), c.startedAt(), c.agentId(), c.teamId(),
                key.pseudonym(c.customerId()), c.queue(), c.utterances(), c.vendorFigures());
    }

    /**
     * The text with personal data replaced by its type, and any JSON {@code "customer_id": "..."} value (a record
     * quarantined as read) replaced by its pseudonym, as in the tables.
     */
    public String redact(String text) {
        if (text == null) {
            return null;
        }
        Matcher m = CUSTOMER_ID.matcher(text);
        StringBuilder ids = new StringBuilder(text.length());
        while (m.find()) {
            m.appendReplacement(ids, Matcher.quoteReplacement(m.group(1) + key.pseudonym(m.group(2)) + "\""));
        }
        m.appendTail(ids);
        return PersonalDataRedactor.forRules(Optional.ofNullable(rulesDir)).redact(ids.toString());
    }
}
