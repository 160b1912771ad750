package io.tierline.simulator;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.tierline.events.Channel;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ArrivalScheduleTest {

    private static Scenario scenario(long seed, Arrivals arrivals) {
        AgentGroup agents = new AgentGroup("a", 1, 1, List.of("en"), Map.of(), Map.of(Channel.CHAT, 1),
                new LogNormal(1, 0.1), 0, 0, new LogNormal(10, 0.1), 0, null, new LogNormal(1, 0.1), 0);
        return new Scenario("t", "", seed, Duration.ofHours(1), arrivals,
                new CustomerBehaviour(new LogNormal(60, 0.5), 0.3, null, 0), List.of(), List.of(agents));
    }

    private static Arrivals flat(double perMinute, double repeatShare, List<Arrivals.Burst> bursts, List<Double> profile) {
        return new Arrivals(perMinute, profile, 0, 1, Map.of(Channel.CHAT, 3.0, Channel.PHONE, 1.0),
                Map.of("billing", 1.0, "technical", 1.0), Map.of("en", 1.0), 0.1, repeatShare, 1000, bursts);
    }

    private static List<Arrival> all(Scenario s, long untilMillis) {
        ArrivalSchedule schedule = new ArrivalSchedule(s);
        List<Arrival> out = new ArrayList<>();
        Arrival a;
        while ((a = schedule.next(untilMillis)) != null) {
            out.add(a);
        }
        return out;
    }

    @Test
    void theSameSeedGivesTheSameArrivalsAndAnotherSeedOthers() {
        Arrivals arrivals = flat(120, 0.1, List.of(), List.of());
        List<Arrival> one = all(scenario(7, arrivals), 600_000);
        assertEquals(one, all(scenario(7, arrivals), 600_000));
        assertNotEquals(one, all(scenario(8, arrivals), 600_000));
    }

    @Test
    void arrivalsComeAtTheRateAndMixAsked() {
        // 100 a minute for 60 minutes: 6000 expected, standard deviation about 77
        List<Arrival> arrivals = all(scenario(42, flat(100, 0, List.of(), List.of())), 3_600_000);
        assertTrue(Math.abs(arrivals.size() - 6000) < 400, "count " + arrivals.size());
        long chats = arrivals.stream().filter(a -> a.channel() == Channel.CHAT).count();
        assertTrue(Math.abs(chats / (double) arrivals.size() - 0.75) < 0.03, "chat share " + chats);
        for (int i = 1; i < arrivals.size(); i++) {
            assertTrue(arrivals.get(i).atMillis() >= arrivals.get(i - 1).atMillis(), "in time order");
            assertEquals(i, arrivals.get(i).index());
        }
    }

    @Test
    void theTimeOfDayProfileShapesTheRate() {
        // clock speed 1, start hour 0: the first real hour is profile hour 0 (factor 0), the second hour 1 (factor 2)
        List<Double> profile = new ArrayList<>(java.util.Collections.nCopies(24, 1.0));
        profile.set(0, 0.0);
        profile.set(1, 2.0);
        List<Arrival> arrivals = all(scenario(3, flat(30, 0, List.of(), profile)), 7_200_000);
        assertTrue(arrivals.stream().noneMatch(a -> a.atMillis() < 3_600_000), "none in a zero-rate hour");
        assertTrue(Math.abs(arrivals.size() - 3600) < 250, "count " + arrivals.size());
    }

    @Test
    void aBurstAddsItsCategoryOnlyWhileItLasts() {
        var burst = new Arrivals.Burst(Duration.ofMinutes(10), Duration.ofMinutes(5), 600, "outage", Map.of(Channel.PHONE, 1.0));
        List<Arrival> arrivals = all(scenario(5, flat(60, 0, List.of(burst), List.of())), 1_800_000);
        List<Arrival> outages = arrivals.stream().filter(a -> a.category().equals("outage")).toList();
        assertTrue(outages.stream().allMatch(a -> a.atMillis() >= 600_000 && a.atMillis() < 900_000), "inside the burst");
        assertTrue(outages.stream().allMatch(a -> a.channel() == Channel.PHONE), "the burst's channel mix");
        assertTrue(Math.abs(outages.size() - 3000) < 250, "burst count " + outages.size());
        assertTrue(Math.abs(arrivals.size() - outages.size() - 1800) < 200, "base count");
    }

    @Test
    void aRepeatIsTheSameCustomerAboutTheSameCategory() {
        List<Arrival> arrivals = all(scenario(11, flat(100, 0.2, List.of(), List.of())), 1_800_000);
        List<Arrival> repeats = arrivals.stream().filter(Arrival::repeat).toList();
        assertTrue(Math.abs(repeats.size() / (double) arrivals.size() - 0.2) < 0.03, "repeat share " + repeats.size());
        for (Arrival r : repeats) {
            assertTrue(arrivals.stream().anyMatch(a -> a.index() < r.index() && a.customerId().equals(r.customerId())
                    && a.category().equals(r.category())), "an earlier contact of " + r.customerId());
        }
    }

    @Test
    void aVipIsAlwaysTheSameCustomers() {
        List<Arrival> arrivals = all(scenario(13, flat(100, 0, List.of(), List.of())), 600_000);
        for (Arrival a : arrivals) {
            int n = Integer.parseInt(a.customerId().substring("sim-c-".length()));
            assertEquals(n < 100, a.vip(), a.customerId());
        }
    }
}
