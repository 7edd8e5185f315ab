package io.rapport.pipeline;

import io.rapport.analysis.timing.InterruptionDetector;
import io.rapport.resolution.RepeatContactWindow;

import io.rapport.privacy.PseudonymKey;

import java.util.List;
import java.util.Optional;

/**
 * What a nightly run needs to know besides the date.
 *
 * @param inputRoot      folder holding {@code date=YYYY-MM-DD/} landing folders (any Hadoop URI)
 * @param warehouse      folder holding the output tables (any Hadoop URI)
 * @param rulesDir       folder overriding the shipped rule files, if any
 * @param maxRecordBytes a record (JSON line, CSV row) larger than this is quarantined as OVERSIZED_RECORD
 * @param minOverlapMs   overlap from which a non-backchannel turn counts as an interruption
 * @param format         forces one input format instead of detecting it per file
 * @param repeatWindowDays days after a conversation in which another contact of the customer is a repeat
 * @param codeVersion    recorded in the runs table
 * @param sentiment      whether to score customer sentiment (parser and sentiment model; the slow part)
 * @param agentDomains   email domains whose senders are agents
 * @param pseudonymKey   the key that turns customer ids into pseudonyms
 */
public record NightOptions(String inputRoot, String warehouse, Optional<String> rulesDir, int maxRecordBytes,
                           long minOverlapMs, Optional<String> format, int repeatWindowDays, String codeVersion,
                           boolean sentiment, List<String> agentDomains, PseudonymKey pseudonymKey) {

    public NightOptions {
        agentDomains = List.copyOf(agentDomains);
    }

    public static final int DEFAULT_MAX_RECORD_BYTES = 8 * 1024 * 1024;

    /** The same options with sentiment scoring switched on or off. */
    public NightOptions withSentiment(boolean on) {
        return new NightOptions(inputRoot, warehouse, rulesDir, maxRecordBytes, minOverlapMs, format, repeatWindowDays,
                codeVersion, on, agentDomains, pseudonymKey);
    }

    /** The same options with these agent email domains. */
    public NightOptions withAgentDomains(List<String> domains) {
        return new NightOptions(inputRoot, warehouse, rulesDir, maxRecordBytes, minOverlapMs, format, repeatWindowDays,
                codeVersion, sentiment, domains, pseudonymKey);
    }

    /** The same options with another pseudonym key. */
    public NightOptions withPseudonymKey(PseudonymKey key) {
        return new NightOptions(inputRoot, warehouse, rulesDir, maxRecordBytes, minOverlapMs, format, repeatWindowDays,
                codeVersion, sentiment, agentDomains, key);
    }

    public static NightOptions defaults(String inputRoot, String warehouse) {
        return new NightOptions(inputRoot, warehouse, Optional.empty(), DEFAULT_MAX_RECORD_BYTES,
                InterruptionDetector.DEFAULT_MIN_OVERLAP_MS, Optional.empty(), RepeatContactWindow.DEFAULT_DAYS,
                CodeVersion.get(), true, List.of(), PseudonymKey.DEMO);
    }
}
