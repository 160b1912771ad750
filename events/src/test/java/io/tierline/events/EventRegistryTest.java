package io.tierline.events;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.annotation.JsonSubTypes;
import java.util.ArrayDeque;
import java.util.Arrays;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

/** Every concrete event type is registered for JSON under its simple name, and nothing else is. */
class EventRegistryTest {

    @Test
    void everyPermittedRecordIsRegisteredUnderItsName() {
        Set<String> permitted = new TreeSet<>();
        var todo = new ArrayDeque<Class<?>>(java.util.List.of(TierlineEvent.class));
        while (!todo.isEmpty()) {
            Class<?> type = todo.pop();
            if (type.isRecord()) {
                permitted.add(type.getSimpleName());
            } else {
                todo.addAll(Arrays.asList(type.getPermittedSubclasses()));
            }
        }
        Set<String> registered = new TreeSet<>();
        for (JsonSubTypes.Type t : TierlineEvent.class.getAnnotation(JsonSubTypes.class).value()) {
            assertEquals(t.value().getSimpleName(), t.name());
            registered.add(t.name());
        }
        assertEquals(permitted, registered);
    }
}
