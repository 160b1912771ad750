package io.tierline.routing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.tierline.events.Channel;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class QueueSelectorTest {

    private final QueueSelector selector = new QueueSelector();

    static RoutingQueue queue(String id, int tier, Set<Channel> channels, List<String> languages) {
        return new RoutingQueue(id, id, tier, channels, languages, Map.of(), List.of(), null, null, null, null,
                null);
    }

    @Test
    void picksTheFirstFittingTierOneQueueByIdWhateverTheInputOrder() {
        var queues = List.of(
                queue("q-c", 1, Set.of(Channel.CHAT), List.of("en")),
                queue("q-a", 1, Set.of(Channel.CHAT, Channel.EMAIL), List.of("en", "de")),
                queue("q-b", 1, Set.of(Channel.CHAT), List.of("en")));

        QueueDecision decision = selector.select(Channel.CHAT, "en", queues);

        assertEquals("q-a", decision.queue().id());
        assertTrue(decision.reason().contains("3 queues fit"), decision.reason());
    }

    @Test
    void skipsQueuesOfOtherTiersChannelsAndLanguages() {
        var queues = List.of(
                queue("a-tier2", 2, Set.of(Channel.CHAT), List.of("en")),
                queue("b-phone", 1, Set.of(Channel.PHONE), List.of("en")),
                queue("c-german", 1, Set.of(Channel.CHAT), List.of("de")),
                queue("d-fits", 1, Set.of(Channel.CHAT), List.of("fr", "en")));

        assertEquals("d-fits", selector.select(Channel.CHAT, "en", queues).queue().id());
    }

    @Test
    void languagesMatchCaseInsensitivelyAndAnEmptyListMeansAny() {
        var specific = queue("b-specific", 1, Set.of(Channel.EMAIL), List.of("pt-BR"));
        var any = queue("c-any", 1, Set.of(Channel.EMAIL), List.of());

        assertEquals("b-specific", selector.select(Channel.EMAIL, "pt-br", List.of(any, specific)).queue().id());
        QueueDecision forGerman = selector.select(Channel.EMAIL, "de", List.of(any, specific));
        assertEquals("c-any", forGerman.queue().id());
        assertTrue(forGerman.reason().contains("any language"), forGerman.reason());
    }

    @Test
    void noFittingQueueIsADecisionWithAReason() {
        QueueDecision decision = selector.select(Channel.SMS, "en",
                List.of(queue("q", 1, Set.of(Channel.CHAT), List.of())));

        assertFalse(decision.found());
        assertTrue(decision.reason().contains("SMS"), decision.reason());
    }
}
