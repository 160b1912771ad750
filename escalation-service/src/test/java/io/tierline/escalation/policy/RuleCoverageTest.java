package io.tierline.escalation.policy;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.tierline.events.Channel;
import io.tierline.events.Priority;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The never-matches check over the union of earlier rules, as a table. A condition is written as space-separated
 * {@code dimension=values}: {@code reasons=VIP,REPEAT_CONTACT tiers=1,2 channels=PHONE cats=billing
 * priorities=LOW esc=1..3} (an open bound left out: {@code esc=2..}); {@code -} is a rule without conditions.
 * Specialist categories are {@code fraud} and {@code legal}.
 */
class RuleCoverageTest {

    private static final Set<String> SPECIALIST = Set.of("fraud", "legal");

    @ParameterizedTest(name = "[{0}] then {1} -> {2}")
    @CsvSource(delimiter = '|', value = {
            // earlier rules (';' between them) | the later rule | shadowed by (indices) or NO
            "tiers=1                               | tiers=1 channels=PHONE          | 0",
            "tiers=1 ; tiers=2                     | tiers=1,2                       | 0,1",
            "tiers=1 ; tiers=2                     | -                               | NO",
            "tiers=3 ; tiers=1 ; tiers=2           | tiers=1,2                       | 1,2",
            "tiers=1 ; tiers=1,2 channels=PHONE ; tiers=2 | tiers=1,2                | 0,2",
            "tiers=1,2 ; tiers=1 ; tiers=2         | tiers=1,2                       | 0",
            "esc=0..1 ; esc=2..                    | tiers=2                         | 0,1",
            "esc=0..1 ; esc=3..                    | -                               | NO",
            "esc=..4 ; esc=4..                     | esc=1..9                        | 0,1",
            "reasons=AGENT_ESCALATED ; reasons=SLA_BREACH | reasons=VIP               | 0,1",
            "reasons=AGENT_ESCALATED               | reasons=VIP                     | NO",
            "reasons=VIP,REPEAT_CONTACT            | reasons=VIP tiers=2             | 0",
            "reasons=VIP                           | reasons=VIP,REPEAT_CONTACT      | NO",
            "priorities=LOW,NORMAL ; priorities=HIGH,URGENT | tiers=3                | 0,1",
            "priorities=LOW,NORMAL,HIGH            | -                               | NO",
            "channels=PHONE,CHAT,EMAIL,SMS,SOCIAL  | channels=SMS tiers=1            | 0",
            "channels=PHONE,CHAT,EMAIL,SMS,SOCIAL  | tiers=1                         | NO",
            "channels=PHONE,CHAT ; channels=EMAIL,SMS,SOCIAL | channels=CHAT,SMS     | 0,1",
            "cats=billing ; cats=shipping          | cats=billing,shipping           | 0,1",
            "cats=billing ; cats=shipping          | -                               | NO",
            "reasons=SPECIALIST_CATEGORY           | cats=fraud                      | 0",
            "reasons=SPECIALIST_CATEGORY           | cats=fraud,billing              | NO",
            "cats=fraud,legal                      | reasons=SPECIALIST_CATEGORY     | 0",
            "cats=fraud                            | reasons=SPECIALIST_CATEGORY     | NO",
            "reasons=HANDLE_TIME_EXCEEDED ; reasons=AGENT_ESCALATED | reasons=SLA_BREACH | NO",
            "reasons=AGENT_ESCALATED               | reasons=HANDLE_TIME_EXCEEDED    | NO",
            "reasons=AGENT_ESCALATED ; reasons=SLA_BREACH tiers=1,2 ; tiers=3 | cats=billing | 0,1,2",
            "tiers=1 ; tiers=2,3 esc=0..0 ; esc=1.. | -                              | 0,1,2",
            "tiers=1 ; tiers=2,3 esc=0..0 ; esc=2.. | -                              | NO",
            "tiers=1,2 reasons=VIP ; tiers=1,2 priorities=HIGH,URGENT ; tiers=1,2 esc=1.. | tiers=2 | NO",
            "tiers=2 channels=PHONE priorities=LOW ; tiers=2 channels=PHONE priorities=NORMAL,HIGH,URGENT | tiers=2 channels=PHONE esc=3.. | 0,1",
    })
    void aRuleIsShadowedExactlyWhenTheEarlierRulesTogetherMatchEveryContactItDoes(String earlier, String later,
            String expected) {
        List<RuleCondition> conditions = Arrays.stream(earlier.split(";")).map(RuleCoverageTest::condition).toList();
        Optional<List<Integer>> by = new RuleCoverage(SPECIALIST, true).shadowedBy(condition(later), conditions);
        assertEquals(expected.trim().equals("NO") ? Optional.empty()
                : Optional.of(Arrays.stream(expected.split(",")).map(s -> Integer.valueOf(s.trim())).toList()), by);
    }

    @Test
    void withoutAHandleTimeThresholdNoContactCarriesThatReason() {
        List<RuleCondition> earlier = List.of(condition("reasons=AGENT_ESCALATED,SLA_BREACH,VIP"));
        RuleCondition everything = condition("-");
        assertEquals(Optional.of(List.of(0)), new RuleCoverage(SPECIALIST, false).shadowedBy(everything, earlier));
        assertEquals(Optional.of(List.of(0)), new RuleCoverage(null, false).shadowedBy(everything, earlier));
        assertEquals(Optional.of(List.of(0)), new RuleCoverage(SPECIALIST, true).shadowedBy(everything, earlier));
        List<RuleCondition> notTheBase = List.of(condition("reasons=VIP,REPEAT_CONTACT,SUPERVISOR_REQUESTED"));
        assertEquals(Optional.empty(), new RuleCoverage(SPECIALIST, false).shadowedBy(everything, notTheBase));
    }

    @Test
    void aLargePolicyIsCheckedExactlyToo() {
        var earlier = new ArrayList<RuleCondition>();
        var all = new StringBuilder("cats=");
        for (int i = 0; i < 150; i++) {
            earlier.add(condition("cats=cat" + i + " tiers=" + (1 + i % 3)));
            earlier.add(condition("cats=cat" + i + " tiers=1,2,3 esc=" + (i % 5) + ".."));
            all.append(i == 0 ? "" : ",").append("cat").append(i);
        }
        var coverage = new RuleCoverage(SPECIALIST, true);
        // every listed category at any tier: the second rule of each pair covers it only from its bound on
        assertEquals(Optional.empty(), coverage.shadowedBy(condition(all + " esc=0..3"), earlier));
        Optional<List<Integer>> by = coverage.shadowedBy(condition(all + " esc=4.."), earlier);
        assertEquals(150, by.orElseThrow().size());
        assertEquals(java.util.stream.IntStream.range(0, 150).map(i -> 2 * i + 1).boxed().toList(), by.get());
    }

    @Test
    void invalidEarlierRulesAreSkipped() {
        var earlier = new ArrayList<RuleCondition>();
        earlier.add(null);
        earlier.add(condition("tiers=1,2,3"));
        assertEquals(Optional.of(List.of(1)), new RuleCoverage(SPECIALIST, true).shadowedBy(condition("-"), earlier));
        assertEquals(Optional.empty(), new RuleCoverage(SPECIALIST, true).shadowedBy(condition("-"), List.of()));
    }

    /** Parses the table's notation into a condition. */
    static RuleCondition condition(String text) {
        Set<Reason> reasons = null;
        Set<Integer> tiers = null;
        Set<Channel> channels = null;
        Set<String> categories = null;
        Set<Priority> priorities = null;
        Integer min = null;
        Integer max = null;
        for (String part : text.trim().split("\\s+")) {
            if (part.equals("-") || part.isEmpty()) {
                continue;
            }
            String[] kv = part.split("=", 2);
            List<String> values = Arrays.asList(kv[1].split(","));
            switch (kv[0]) {
                case "reasons" -> reasons = values.stream().map(Reason::valueOf)
                        .collect(Collectors.toCollection(() -> EnumSet.noneOf(Reason.class)));
                case "tiers" -> tiers = values.stream().map(Integer::valueOf).collect(Collectors.toSet());
                case "channels" -> channels = values.stream().map(Channel::valueOf).collect(Collectors.toSet());
                case "cats" -> categories = Set.copyOf(values);
                case "priorities" -> priorities = values.stream().map(Priority::valueOf).collect(Collectors.toSet());
                case "esc" -> {
                    String[] range = kv[1].split("\\.\\.", -1);
                    min = range[0].isEmpty() ? null : Integer.valueOf(range[0]);
                    max = range[1].isEmpty() ? null : Integer.valueOf(range[1]);
                }
                default -> throw new IllegalArgumentException(part);
            }
        }
        return new RuleCondition(reasons, tiers, channels, categories, priorities, min, max);
    }
}
