package io.tierline.escalation.policy;

import io.tierline.events.Channel;
import io.tierline.events.Priority;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.BitSet;
import java.util.Collections;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Predicate;

/**
 * Whether the earlier rules of a policy, together, match every contact a later rule does (so the later rule can
 * never match). Exact: every dimension a rule matches on is finite or cut into finitely many pieces no rule
 * tells apart (tiers 1..3; every channel and no channel; every priority; the escalation counts between the rules'
 * bounds; the categories the rules or {@code specialistCategories} name, and one for every other or no category;
 * every combination of reasons one contact can carry). A condition is then a box of these pieces, and the later
 * rule's box minus each earlier rule's box leaves nothing exactly when it is shadowed. Reasons and category are
 * not independent ({@code SPECIALIST_CATEGORY} is present exactly when the category is a specialist one), so the
 * space is checked in two halves: specialist categories, and all others. Plain Java.
 */
final class RuleCoverage {

    /**
     * How many pieces one check may cut, so that no document makes validation slow. Beyond it the check gives up:
     * a rule it cannot prove shadowed is accepted (never rejected wrongly), and a set of rules naming why one is
     * shadowed may then not be the smallest.
     */
    private static final long BUDGET = 2_000_000;
    private static final List<Integer> TIERS = List.of(1, 2, 3);
    /** Every channel, and a contact without one (only a rule without {@code channels} matches it). */
    private static final List<Channel> CHANNELS_AND_NONE = channelsAndNone();
    private static final Reason[] OPTIONAL_REASONS = {Reason.REPEAT_CONTACT, Reason.VIP, Reason.SUPERVISOR_REQUESTED,
            Reason.HANDLE_TIME_EXCEEDED};

    private final Set<String> specialistCategories;
    private final boolean handleTimeThreshold;
    private long budget;

    /**
     * @param specialistCategories the policy's specialist categories (none: empty)
     * @param handleTimeThreshold  whether the policy sets one (else no contact carries HANDLE_TIME_EXCEEDED)
     */
    RuleCoverage(Set<String> specialistCategories, boolean handleTimeThreshold) {
        this.specialistCategories = specialistCategories == null ? Set.of() : Set.copyOf(specialistCategories);
        this.handleTimeThreshold = handleTimeThreshold;
    }

    /**
     * If the earlier conditions together match every contact {@code rule} does: the indices (into
     * {@code earlier}) of the ones that do, a single one if one alone does, else a set none of which can be left
     * out (empty if no contact meets {@code rule} at all); empty if some contact matches {@code rule} and none of
     * them. A null earlier condition is skipped.
     */
    Optional<List<Integer>> shadowedBy(RuleCondition rule, List<RuleCondition> earlier) {
        budget = BUDGET;
        Optional<List<Integer>> overlapping = overlappingIfCovered(rule, earlier);
        if (overlapping.isEmpty()) {
            return overlapping;
        }
        for (int i : overlapping.get()) {
            if (overlappingIfCovered(rule, only(earlier, List.of(i))).isPresent()) {
                return Optional.of(List.of(i));
            }
        }
        var needed = new ArrayList<>(overlapping.get());
        for (Integer i : overlapping.get()) {
            var without = new ArrayList<>(needed);
            without.remove(i);
            if (overlappingIfCovered(rule, only(earlier, without)).isPresent()) {
                needed = without;
            }
        }
        return Optional.of(List.copyOf(needed));
    }

    /** The same list with every condition but those at {@code keep} replaced by null (indices stay). */
    private static List<RuleCondition> only(List<RuleCondition> earlier, List<Integer> keep) {
        var kept = new ArrayList<RuleCondition>(Collections.nCopies(earlier.size(), (RuleCondition) null));
        keep.forEach(i -> kept.set(i, earlier.get(i)));
        return kept;
    }

    /** If covered: every earlier condition that matches some contact of {@code rule}; empty if not, or over budget. */
    private Optional<List<Integer>> overlappingIfCovered(RuleCondition rule, List<RuleCondition> earlier) {
        var overlapping = new TreeSet<Integer>();
        for (boolean specialist : new boolean[] {true, false}) {
            Space space = new Space(specialist, rule, earlier);
            BitSet[] box = space.box(rule);
            List<BitSet[]> left = Arrays.stream(box).anyMatch(BitSet::isEmpty) ? List.of()
                    : Collections.singletonList(box);
            for (int i = 0; i < earlier.size() && !left.isEmpty(); i++) {
                if (earlier.get(i) == null) {
                    continue;
                }
                BitSet[] cut = space.box(earlier.get(i));
                List<BitSet[]> next = new ArrayList<>();
                for (BitSet[] piece : left) {
                    if (!intersects(piece, cut)) {
                        next.add(piece);
                    } else {
                        overlapping.add(i);
                        next.addAll(minus(piece, cut));
                    }
                }
                budget -= next.size();
                if (budget < 0) {
                    return Optional.empty();
                }
                left = next;
            }
            if (!left.isEmpty()) {
                return Optional.empty();
            }
        }
        return Optional.of(List.copyOf(overlapping));
    }

    private static boolean intersects(BitSet[] a, BitSet[] b) {
        for (int d = 0; d < a.length; d++) {
            if (!a[d].intersects(b[d])) {
                return false;
            }
        }
        return true;
    }

    /** {@code box} minus {@code cut} as disjoint boxes: peel off one dimension at a time. */
    private static List<BitSet[]> minus(BitSet[] box, BitSet[] cut) {
        var pieces = new ArrayList<BitSet[]>();
        BitSet[] rest = box.clone();
        for (int d = 0; d < box.length; d++) {
            BitSet outside = (BitSet) rest[d].clone();
            outside.andNot(cut[d]);
            if (!outside.isEmpty()) {
                BitSet[] piece = rest.clone();
                piece[d] = outside;
                pieces.add(piece);
            }
            BitSet inside = (BitSet) rest[d].clone();
            inside.and(cut[d]);
            rest[d] = inside;
        }
        return pieces;
    }

    /** One half of the contact space, cut into the pieces the rules at hand cannot tell apart. */
    private final class Space {
        private final List<Set<Reason>> profiles = new ArrayList<>();
        private final List<String> categories = new ArrayList<>();
        private final List<Integer> escalations;

        Space(boolean specialist, RuleCondition rule, List<RuleCondition> earlier) {
            var all = new ArrayList<RuleCondition>(earlier);
            all.add(rule);
            var named = new TreeSet<String>();
            var bounds = new TreeSet<Integer>(Set.of(0));
            for (RuleCondition c : all) {
                if (c == null) {
                    continue;
                }
                if (c.categories() != null) {
                    named.addAll(c.categories());
                }
                if (c.minEscalations() != null) {
                    bounds.add(c.minEscalations());
                }
                if (c.maxEscalations() != null) {
                    bounds.add(c.maxEscalations() + 1);
                }
            }
            if (specialist) {
                categories.addAll(new TreeSet<>(specialistCategories));
            } else {
                named.stream().filter(c -> !specialistCategories.contains(c)).forEach(categories::add);
                categories.add(null); // every other category, and none
            }
            escalations = List.copyOf(bounds);
            int optional = handleTimeThreshold ? OPTIONAL_REASONS.length : OPTIONAL_REASONS.length - 1;
            for (Reason base : List.of(Reason.AGENT_ESCALATED, Reason.SLA_BREACH)) {
                for (int mask = 0; mask < 1 << optional; mask++) {
                    EnumSet<Reason> profile = EnumSet.of(base);
                    for (int bit = 0; bit < optional; bit++) {
                        if ((mask & 1 << bit) != 0) {
                            profile.add(OPTIONAL_REASONS[bit]);
                        }
                    }
                    if (specialist) {
                        profile.add(Reason.SPECIALIST_CATEGORY);
                    }
                    profiles.add(profile);
                }
            }
        }

        BitSet[] box(RuleCondition c) {
            return new BitSet[] {
                    bits(profiles, p -> c.reasons() == null || p.stream().anyMatch(c.reasons()::contains)),
                    bits(TIERS, t -> c.tiers() == null || c.tiers().contains(t)),
                    bits(CHANNELS_AND_NONE, ch -> c.channels() == null || (ch != null && c.channels().contains(ch))),
                    bits(categories, cat -> c.categories() == null || (cat != null && c.categories().contains(cat))),
                    bits(List.of(Priority.values()), p -> c.priorities() == null || c.priorities().contains(p)),
                    bits(escalations, e -> (c.minEscalations() == null || e >= c.minEscalations())
                            && (c.maxEscalations() == null || e <= c.maxEscalations()))};
        }
    }

    private static List<Channel> channelsAndNone() {
        var values = new ArrayList<Channel>(Arrays.asList(Channel.values()));
        values.add(null);
        return Collections.unmodifiableList(values);
    }

    private static <T> BitSet bits(List<T> values, Predicate<T> matches) {
        var bits = new BitSet(values.size());
        for (int i = 0; i < values.size(); i++) {
            if (matches.test(values.get(i))) {
                bits.set(i);
            }
        }
        return bits;
    }
}
