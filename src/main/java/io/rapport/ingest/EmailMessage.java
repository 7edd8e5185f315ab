package io.rapport.ingest;

import java.io.Serializable;
import java.util.List;

/**
 * One email as the thread builder needs it: identity and links, sender, time, and only the text the sender wrote
 * (quoted history and signature already removed by {@link EmailText}).
 *
 * @param messageId  the Message-ID without angle brackets; null when the message has none
 * @param inReplyTo  the In-Reply-To id, or null
 * @param references the References ids, oldest first
 * @param from       the sender's address, lower case; null when it cannot be read
 * @param to         the first recipient's address, lower case, or null
 * @param sentAtMs   the Date header as epoch milliseconds; null when absent or unreadable
 * @param autoReply  an automatic reply (Auto-Submitted, X-Autoreply), not written by a person
 */
public record EmailMessage(String messageId, String inReplyTo, List<String> references, String from, String to,
                           Long sentAtMs, String subject, String body, boolean autoReply) implements Serializable {

    public EmailMessage {
        references = List.copyOf(references);
    }
}
