package io.rapport.ingest;

import java.io.IOException;
import java.io.InputStream;

/**
 * An adapter from one landing-file format to the canonical model. Nothing outside the adapters sees a
 * vendor's shape. An adapter turns every record it reads into exactly one {@link IngestResult}, so
 * {@code read = processed + quarantined} holds by construction.
 */
public interface TranscriptFormat {

    /** Stable name, used by {@code --format} and in logs. */
    String name();

    /** Decides, from the start of the file (its structure, never its name), whether this adapter reads it. */
    boolean recognizes(FileHead head);

    /** Starts reading the file; the stream is positioned at its first byte and closed by the caller. */
    RecordSource open(String file, InputStream in, IngestSettings settings) throws IOException;

    /** Pull-based, so a file's records stream through without being held in memory where the format allows. */
    interface RecordSource {
        /** The next record's result, or null at the end of the file. */
        IngestResult next() throws IOException;
    }

    /** The quarantine entry for a line the reader could not decode or that exceeded the size limit. */
    static IngestResult.Quarantined lineProblem(String file, BoundedLineReader.Line line, int maxLineBytes) {
        SourceRecord source = new SourceRecord(file, line.number(), line.text());
        return switch (line.problem()) {
            case OVERSIZED -> new IngestResult.Quarantined(source, null, ReasonCode.OVERSIZED_RECORD,
                    "line " + line.number() + " is longer than the maximum record size of " + maxLineBytes + " bytes");
            case INVALID_ENCODING -> new IngestResult.Quarantined(source, null, ReasonCode.INVALID_ENCODING,
                    "line " + line.number() + " is not valid UTF-8");
        };
    }

    /** A source giving one result and then the end. */
    static RecordSource single(IngestResult result) {
        boolean[] given = {false};
        return () -> {
            if (given[0]) {
                return null;
            }
            given[0] = true;
            return result;
        };
    }
}
