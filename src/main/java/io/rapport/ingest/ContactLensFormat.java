package io.rapport.ingest;

import com.fasterxml.jackson.databind.JsonNode;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Amazon Connect Contact Lens analysis output: like Transcribe Call Analytics, but segments name a
 * {@code ParticipantId} that {@code Participants[]} maps to a role, and the contact id sits in
 * {@code CustomerMetadata.ContactId} (the sidecar key for agent and start time).
 */
final class ContactLensFormat extends JsonDocumentFormat {

    @Override
    public String name() {
        return "contact-lens";
    }

    @Override
    List<String> signatureKeys() {
        return List.of("ParticipantId", "CustomerMetadata");
    }

    @Override
    Mapped map(JsonNode root, String file) throws InvalidRecordException {
        Map<String, String> roles = new HashMap<>();
        JsonNode participants = Json.array(root, "Participants", "");
        if (participants != null) {
            for (int i = 0; i < participants.size(); i++) {
                String where = "Participants[" + i + "].";
                JsonNode p = Json.object(participants.get(i), "Participants[" + i + "]");
                String id = Json.string(p, "ParticipantId", where);
                String role = Json.string(p, "ParticipantRole", where);
                if (id != null && role != null) {
                    roles.put(id, role);
                }
            }
        }
        String contactId = root.path("CustomerMetadata").path("ContactId").textValue();
        String key = contactId != null ? contactId : baseName(file);
        List<ConversationDraft.UtteranceDraft> utterances = AmazonAnalytics.utterances(root, s -> {
            String id = s.path("ParticipantId").textValue();
            return id == null ? null : roles.getOrDefault(id, id);
        });
        return new Mapped(key, new ConversationDraft(key, AmazonAnalytics.channel(root), null, null, null, null, null,
                utterances, AmazonAnalytics.figures(name(), root)));
    }
}
