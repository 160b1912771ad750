package io.tierline.escalation.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.mongodb.client.MongoClient;
import com.mongodb.client.model.Filters;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.tierline.embedded.TierlineTestInfra;
import io.tierline.escalation.Case;
import io.tierline.escalation.CaseStatus;
import io.tierline.escalation.HistoryEntry;
import io.tierline.events.Channel;
import io.tierline.events.EventIds;
import io.tierline.events.Priority;
import io.tierline.events.UnresolvedReason;
import jakarta.inject.Inject;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.bson.Document;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;

/**
 * A contact belongs to one case: whichever of two handlers places a contact second (its arrival as a repeat, its
 * escalation) is turned away by the store, against the embedded store over TCP, however the two interleave.
 */
@QuarkusTest
@QuarkusTestResource(TierlineTestInfra.class)
class OneCasePerContactTest {

    private static final Instant AT = Instant.now().truncatedTo(ChronoUnit.MILLIS);

    @Inject
    CaseStore store;
    @Inject
    MongoClient client;
    @ConfigProperty(name = "quarkus.mongodb.database")
    String database;

    @Test
    void aContactInOneCaseCannotJoinAnother() {
        String contact = id("c");
        Case own = opened(contact);
        Case other = opened(id("c"));
        assertTrue(store.insert(own));
        assertTrue(store.insert(other));

        assertFalse(store.attachRepeat(other, repeat(contact)), "attached as a repeat to a second case");
        assertFalse(store.appendEscalation(other.caseId(), escalated(contact), 2), "escalated into a second case");
        assertFalse(store.insert(opened(contact)), "a second case opened for it");

        assertEquals(List.of(own.caseId()), casesOf(contact));
        assertEquals(List.of(other.contactId()), store.find(other.caseId()).orElseThrow().contactIds());
    }

    @Test
    void aContactAttachedAsARepeatFirstCannotOpenACaseOfItsOwn() {
        Case earlier = opened(id("c"));
        assertTrue(store.insert(earlier));
        String contact = id("c");
        assertTrue(store.attachRepeat(earlier, repeat(contact)));

        assertFalse(store.insert(opened(contact)), "its escalation, placed second, opened a case of its own");

        assertEquals(List.of(earlier.caseId()), casesOf(contact));
        assertTrue(store.appendEscalation(earlier.caseId(), escalated(contact), 2), "its escalation joins its case");
    }

    @Test
    void aClosedCaseKeepsItsContacts() {
        String contact = id("c");
        Case own = opened(contact);
        assertTrue(store.insert(own));
        assertTrue(store.close(own.caseId(), new HistoryEntry.Resolved(EventIds.random(), AT, AT, contact, "a-2", 2,
                "l2-general", "FIXED", null, null)));

        assertFalse(store.insert(opened(contact)), "a second case opened for a contact whose case is closed");
        assertTrue(store.reopenWithEscalation(store.find(own.caseId()).orElseThrow(), escalated(contact), 2,
                null));
        assertEquals(CaseStatus.OPEN, store.find(own.caseId()).orElseThrow().status());
        assertEquals(List.of(own.caseId()), casesOf(contact));
    }

    @Test
    void aStoreHoldingAContactInTwoCasesIsNamedAtStartInsteadOfServed() {
        // a store written before the index existed: the same contact in two cases
        String upgraded = "escalation-upgrade-" + id("db");
        var raw = client.getDatabase(upgraded).getCollection(CaseStore.CASES);
        raw.insertOne(new Document("_id", "case-a").append("caseNumber", "TL-2026-000001").append("openKey", "closed:a")
                .append("contactIds", List.of("c-doubled", "c-1")));
        raw.insertOne(new Document("_id", "case-b").append("caseNumber", "TL-2026-000002").append("openKey", "c-doubled")
                .append("contactIds", List.of("c-doubled")));

        IllegalStateException refused = assertThrows(IllegalStateException.class,
                () -> new CaseStore(client, upgraded).createIndexes(null));
        assertTrue(refused.getMessage().contains("c-doubled [case-a, case-b]")
                || refused.getMessage().contains("c-doubled [case-b, case-a]"), refused.getMessage());
        assertFalse(refused.getMessage().contains("c-1 "), refused.getMessage());
        client.getDatabase(upgraded).drop();
    }

    /** Every case holding the contact, read from the collection itself. */
    private List<String> casesOf(String contactId) {
        return client.getDatabase(database).getCollection(CaseStore.CASES).find(Filters.eq("contactIds", contactId))
                .map(d -> d.getString("_id")).into(new ArrayList<>());
    }

    private static Case opened(String contactId) {
        HistoryEntry.Escalated entry = escalated(contactId);
        return new Case(EventIds.derive(entry.eventId(), "case"), "TL-2026-" + id("n"), CaseStatus.OPEN, contactId,
                List.of(contactId), null, Channel.CHAT, "en", "billing", "Refund", null, 2, "l2-general",
                Priority.NORMAL, 1, AT, AT, null, null, AT, List.of(entry));
    }

    private static HistoryEntry.Escalated escalated(String contactId) {
        return new HistoryEntry.Escalated(EventIds.random(), AT, AT, contactId, "a-1", 1, 2, "l2-general",
                Priority.NORMAL, UnresolvedReason.AGENT_ESCALATED, null, Map.of(), null, "1", "r", null);
    }

    private static HistoryEntry.RepeatContact repeat(String contactId) {
        return new HistoryEntry.RepeatContact(EventIds.random(), AT, AT, contactId, Channel.EMAIL, "Again", false);
    }

    private static String id(String prefix) {
        return prefix + "-" + UUID.randomUUID().toString().substring(0, 12);
    }
}
