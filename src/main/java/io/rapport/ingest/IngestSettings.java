package io.rapport.ingest;

import java.io.Serializable;
import java.util.List;
import java.util.Locale;

/**
 * What adapters need besides the file itself.
 *
 * @param maxRecordBytes a record (line, document, message) larger than this is quarantined as OVERSIZED_RECORD
 * @param metadata       sidecar rows completing vendor files that lack ids, start time or agent
 * @param agentDomains   email domains whose senders are agents (a subdomain matches too); lower case
 */
public record IngestSettings(int maxRecordBytes, SidecarMetadata metadata, List<String> agentDomains)
        implements Serializable {

    public IngestSettings {
        agentDomains = agentDomains.stream().map(d -> d.trim().toLowerCase(Locale.ROOT)).filter(d -> !d.isEmpty())
                .toList();
    }

    /** No sidecar metadata and no agent domain: enough for the canonical formats. */
    public static IngestSettings of(int maxRecordBytes) {
        return new IngestSettings(maxRecordBytes, SidecarMetadata.EMPTY, List.of());
    }

    /** Whether an email address belongs to an agent. */
    public boolean isAgentAddress(String address) {
        int at = address.lastIndexOf('@');
        if (at < 0) {
            return false;
        }
        String domain = address.substring(at + 1).toLowerCase(Locale.ROOT);
        return agentDomains.stream().anyMatch(d -> domain.equals(d) || domain.endsWith("." + d));
    }
}
