package io.tierline.events;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashSet;
import org.junit.jupiter.api.Test;

class TopicsTest {

    @Test
    void theCatalogueHasEveryContractTopicOnce() {
        var all = Topics.all();
        assertEquals(all.size(), new HashSet<>(all).size(), "duplicate topic names");
        assertEquals(8 + 8 + 4, all.size());
        assertTrue(all.contains("contacts.received"));
        assertTrue(all.contains("kpi.service-level"));
        assertTrue(all.contains("routing.dlq"));
    }

    @Test
    void everyTopicHasExactlyOneKnownWriter() {
        for (String topic : Topics.all()) {
            assertTrue(Topics.CONSUMING_SERVICES.contains(Topics.writerOf(topic)), topic);
        }
        assertEquals("routing", Topics.writerOf(Topics.CONTACTS_RESOLVED));
        assertEquals("escalation", Topics.writerOf(Topics.CUSTOMERS_NOTIFICATIONS));
        assertEquals("metrics", Topics.writerOf(Topics.KPI_OCCUPANCY));
        assertEquals("intake", Topics.writerOf("intake.dlq"));
    }

    @Test
    void deadLetterTopicsAreNamedAfterTheService() {
        assertEquals("metrics.dlq", Topics.dlq("metrics"));
    }
}
