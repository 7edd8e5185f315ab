package io.rapport.ingest;

import io.rapport.model.Conversation;

/**
 * What reading one record gives: a usable conversation or a quarantine entry. Every record read yields exactly one.
 * Email is the exception that proves it: a message is only part of a record (its thread, possibly spread over
 * files), so it stays an {@link EmailPart} until {@link EmailThreads} has seen the whole night.
 */
public sealed interface IngestResult {

    SourceRecord source();

    record Accepted(SourceRecord source, Conversation conversation) implements IngestResult {
    }

    /** One email message, waiting for its thread. */
    record EmailPart(SourceRecord source, EmailMessage message) implements IngestResult {
    }

    /** @param conversationId the id when it could be read, else null */
    record Quarantined(SourceRecord source, String conversationId, ReasonCode code, String message)
            implements IngestResult {

        static Quarantined of(SourceRecord source, String conversationId, InvalidRecordException e) {
            return new Quarantined(source, conversationId, e.code(), e.getMessage());
        }
    }
}
