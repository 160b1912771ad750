package io.tierline.escalation.policy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.core.JsonPointer;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.tierline.platform.problem.Violation;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Validation of the policy document: every problem is named by its JSON path, and nothing invalid is accepted. */
class PolicyDocumentTest {

    @Test
    void theTestPolicyIsValidAndReadsBackAsItself() throws Exception {
        TierPolicy policy = PolicyDocument.read(TestPolicies.document(), "3");
        assertEquals(10, policy.rules().size());
        ObjectNode written = PolicyDocument.write(policy, TestPolicies.MAPPER);
        TierPolicy again = PolicyDocument.read(TestPolicies.MAPPER.readTree(written.toString()), "3");
        assertEquals(written, PolicyDocument.write(again, TestPolicies.MAPPER));
        assertEquals(policy.rules(), again.rules());
    }

    @ParameterizedTest(name = "{0} = {1} -> {2}")
    @CsvSource(delimiter = '|', value = {
            // JSON pointer of the change | new value (REMOVE: remove it) | the field the 400 names
            "/rules/2/target/tier               | 5                                    | rules[2].target.tier",
            "/rules/2/target/tier               | 0                                    | rules[2].target.tier",
            "/rules/2/target/tier               | \"up\"                               | rules[2].target.tier",
            "/rules/2/target/queueId            | \"l2-nowhere\"                       | rules[2].target.queueId",
            "/rules/2/target/queueId            | \"l3-fraud\"                         | rules[2].target.queueId",
            "/rules/8/target/queueId            | \"l2-general\"                       | rules[8].target.queueId",
            "/rules/1/when/reasons/0            | \"ANGRY_CUSTOMER\"                   | rules[1].when.reasons[0]",
            "/rules/5/when/channels/0           | \"FAX\"                              | rules[5].when.channels[0]",
            "/rules/6/when/priorities/0         | \"CRITICAL\"                         | rules[6].when.priorities[0]",
            "/rules/1                           | {\"id\":\"all-l1\",\"when\":{\"tiers\":[1]},\"target\":{\"tier\":\"next\"}} | rules[2].when; rules[4].when; rules[5].when; rules[6].when",
            "/rules/7/when/escalations          | {\"min\":3,\"max\":1}                | rules[7].when.escalations",
            "/rules/0/when/tiers                | []                                   | rules[0].when.tiers",
            "/rules/0/when/tiers/0              | 4                                    | rules[0].when.tiers[0]",
            "/rules/0/when/categories           | [\"billing\"]                        | rules[0].when.reasons",
            "/rules/3/deEscalate                | REMOVE                               | rules[3].deEscalate",
            "/rules/3/deEscalate                | \"yes\"                              | rules[3].deEscalate",
            "/rules/7/target/tier               | 2                                    | rules[7].deEscalate",
            "/rules/2/deEscalate                | true                                 | rules[2].deEscalate",
            "/rules/8/when/tiers/1              | 3                                    | rules[8].target.tier",
            "/rules/8/target/tier               | \"engineering\"                      | rules[8].target.tier",
            "/handleTimeThreshold               | REMOVE                               | rules[5].when.reasons",
            "/handleTimeThreshold               | \"PT0S\"                             | handleTimeThreshold",
            "/rules/9/id                        | \"next-tier\"                        | rules[9].id",
            "/rules/9/id                        | \"has space\"                        | rules[9].id",
            "/rules/4/priority                  | {\"set\":\"HIGH\",\"raise\":1}       | rules[4].priority",
            "/rules/4/priority/raise            | 7                                    | rules[4].priority.raise",
            "/rules/0/when/tier                 | [1]                                  | rules[0].when.tier",
            "/tiers/2                           | {\"tier\":2,\"queueId\":\"x\",\"pickupTarget\":\"PT1M\"} | tiers[2].tier",
            "/tiers/0/pickupTarget              | \"soon\"                             | tiers[0].pickupTarget",
            "/tiers/1/queueId                   | \"  \"                               | tiers[1].queueId",
            "/vipPriorityFloor                  | \"MEDIUM\"                           | vipPriorityFloor",
            "/colour                            | \"blue\"                             | colour",
    })
    void anInvalidDocumentIsRejectedNamingTheField(String pointer, String value, String field) throws Exception {
        ObjectNode doc = TestPolicies.document();
        change(doc, pointer, value);

        InvalidPolicyException e = assertThrows(InvalidPolicyException.class, () -> PolicyDocument.read(doc, "9"));
        List<String> fields = e.violations().stream().map(Violation::field).toList();
        assertEquals(Arrays.stream(field.split(";")).map(String::trim).toList(), fields, e.violations().toString());
    }

    @Test
    void theShippedYamlPoliciesAreValid() throws Exception {
        var yaml = new com.fasterxml.jackson.dataformat.yaml.YAMLMapper();
        TierPolicy example = PolicyDocument.read(yaml.readTree(TestPolicies.text("policy/example-policy.yaml")), "2");
        assertEquals(List.of("fraud-straight-to-l3", "supervisor", "vip-fast-track", "l2-breach-back-to-l1",
                "long-call", "repeat-billing", "next-tier", "l3-to-engineering", "top-tier-requeue"),
                example.rules().stream().map(PolicyRule::id).toList());
        assertEquals(java.time.Duration.ofMinutes(20), example.handleTimeThreshold());
        // the same document as JSON reads as the same policy
        String json = TestPolicies.MAPPER.writeValueAsString(yaml.readTree(TestPolicies.text("policy/example-policy.yaml")));
        assertEquals(example.rules(), PolicyDocument.read(TestPolicies.MAPPER.readTree(json), "2").rules());

        TierPolicy shipped = Policies.shippedDefault("l2-x", "PT1M", "l3-y", "PT2H");
        assertEquals(List.of("next-tier", "top-tier-requeue"), shipped.rules().stream().map(PolicyRule::id).toList());
        assertEquals("l2-x", shipped.targets().get(0).queueId());
        assertEquals(java.time.Duration.ofHours(2), shipped.pickupTarget(3));
    }

    @Test
    void aRuleThatTheEarlierRulesTogetherShadowIsRejectedNamingThemAll() throws Exception {
        ObjectNode doc = TestPolicies.document();
        // next-tier (tiers 1 and 2) and top-tier-requeue (tier 3) leave nothing for a catch-all after them
        ((ArrayNode) doc.get("rules")).add(TestPolicies.MAPPER.readTree(
                "{\"id\":\"catch-all\",\"target\":{\"tier\":\"same\"}}"));

        var e = assertThrows(InvalidPolicyException.class, () -> PolicyDocument.read(doc, "9"));

        assertEquals(List.of("rules[10].when"), e.violations().stream().map(Violation::field).toList());
        String message = e.violations().get(0).message();
        assertTrue(message.contains("rules[8] ('next-tier'), rules[9] ('top-tier-requeue') together"), message);

        // limited to one channel, it is still covered (the earlier rules match every channel)
        ((ObjectNode) doc.at("/rules/10")).putObject("when").putArray("channels").add("SMS");
        assertThrows(InvalidPolicyException.class, () -> PolicyDocument.read(doc, "9"));
        // limiting next-tier to tier 1 leaves tier-2 contacts to the catch-all
        ((ArrayNode) doc.at("/rules/8/when/tiers")).remove(1);
        assertEquals(11, PolicyDocument.read(doc, "9").rules().size());
    }

    @Test
    void aDocumentWithoutTheEscalationTiersOrRulesIsRejected() throws Exception {
        var e = assertThrows(InvalidPolicyException.class,
                () -> PolicyDocument.read(TestPolicies.MAPPER.readTree("{\"tiers\":[],\"rules\":[]}"), "1"));
        assertEquals(List.of("tiers", "rules"), e.violations().stream().map(Violation::field).toList());
        var tier3Missing = TestPolicies.document();
        ((ArrayNode) tier3Missing.get("tiers")).remove(2);
        var missing = assertThrows(InvalidPolicyException.class, () -> PolicyDocument.read(tier3Missing, "1"));
        assertTrue(missing.violations().stream().anyMatch(v -> v.field().equals("tiers")), missing.violations().toString());
        assertThrows(InvalidPolicyException.class, () -> PolicyDocument.read(TestPolicies.MAPPER.readTree("[]"), "1"));
    }

    private static void change(ObjectNode doc, String pointer, String value) throws Exception {
        JsonPointer p = JsonPointer.compile(pointer.trim());
        JsonNode parent = doc.at(p.head());
        String last = p.last().getMatchingProperty();
        if (parent instanceof ArrayNode array) {
            array.set(Integer.parseInt(last), TestPolicies.MAPPER.readTree(value.trim()));
        } else if ("REMOVE".equals(value.trim())) {
            ((ObjectNode) parent).remove(last);
        } else {
            ((ObjectNode) parent).set(last, TestPolicies.MAPPER.readTree(value.trim()));
        }
    }
}
