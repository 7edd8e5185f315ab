package io.rapport.quality;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.rapport.ingest.IngestResult;
import io.rapport.ingest.TranscriptFileReader;
import io.rapport.model.Conversation;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * A hand-labelled gold set (src/test/resources/gold/): canonical JSON Lines conversations whose utterances
 * carry a {@code labels} list and whose conversation may carry {@code gold_<field>} verdicts. It is read with
 * the production JSON Lines adapter, so the detectors see exactly what a night would give them.
 */
public record GoldSet(List<Item> items) {

    /**
     * @param labels  per utterance index, the behaviours a person found there
     * @param verdict the conversation-level gold fields, e.g. {@code resolved_in_conversation}; null values kept
     */
    public record Item(Conversation conversation, List<Set<String>> labels, Map<String, Boolean> verdict) {
    }

    private static final ObjectMapper JSON = new ObjectMapper();

    public static GoldSet read(Path file) {
        List<Item> items = new ArrayList<>();
        try (InputStream in = Files.newInputStream(file)) {
            List<String> lines = Files.readAllLines(file);
            Iterator<IngestResult> results = new TranscriptFileReader(Integer.MAX_VALUE - 16, Optional.of("jsonl"))
                    .read(file.toString(), in);
            while (results.hasNext()) {
                IngestResult r = results.next();
                if (!(r instanceof IngestResult.Accepted accepted)) {
                    throw new IllegalArgumentException("gold set " + file + " line " + r.source().line()
                            + " is not valid input: " + ((IngestResult.Quarantined) r).message());
                }
                JsonNode node = JSON.readTree(lines.get((int) r.source().line() - 1));
                List<Set<String>> labels = new ArrayList<>();
                for (JsonNode u : node.get("utterances")) {
                    Set<String> set = new HashSet<>();
                    u.path("labels").forEach(l -> set.add(l.asText()));
                    labels.add(set);
                }
                Map<String, Boolean> verdict = new HashMap<>();
                node.fieldNames().forEachRemaining(name -> {
                    if (name.startsWith("gold_")) {
                        JsonNode v = node.get(name);
                        verdict.put(name.substring(5), v.isNull() ? null : v.asBoolean());
                    }
                });
                items.add(new Item(accepted.conversation(), labels, verdict));
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read gold set " + file, e);
        }
        return new GoldSet(items);
    }

    public int utterances() {
        return items.stream().mapToInt(i -> i.labels().size()).sum();
    }
}
