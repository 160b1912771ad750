package io.tierline.routing.bench;

import io.tierline.routing.Agent;
import io.tierline.routing.Contact;
import io.tierline.routing.Matcher;
import io.tierline.routing.RoutingQueue;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * The plain-Java matching core ({@link Matcher}) on 10,000 agents and 200 queues. One operation is one routing
 * decision: the best agent for a waiting contact of one of the queues, by that queue's strategy. Measured
 * against all agents and against the candidate page the store hands over per attempt
 * ({@code tierline.routing.candidate-limit}); the baseline is a trivial scan (free capacity on the contact's
 * channel) over the same 10,000 agents. Run it with {@link MatchingBenchmarkMain} (see the module README).
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
public class MatchingBenchmark {

    @Param("10000")
    public int agents;
    @Param("200")
    public int queues;
    @Param("100")
    public int candidateLimit;

    private final Matcher matcher = new Matcher();
    private MatchingWorld world;
    private final Map<String, RoutingQueue> queueById = new HashMap<>();
    private int next;

    @Setup
    public void setUp() {
        world = new MatchingWorld(agents, queues, 4096, candidateLimit, 42);
        world.queues.forEach(q -> queueById.put(q.id(), q));
    }

    private Contact nextContact() {
        next = (next + 1) & (world.contacts.size() - 1);
        return world.contacts.get(next);
    }

    private Agent decide(Contact contact, List<Agent> pool) {
        RoutingQueue queue = queueById.get(contact.queueId());
        List<Agent> ranked = matcher.rankAgents(contact, queue.strategy(), queue.skills(), pool);
        return ranked.isEmpty() ? null : ranked.get(0);
    }

    /** One decision among all 10,000 agents. */
    @Benchmark
    public Agent decideAmongAllAgents() {
        return decide(nextContact(), world.agents);
    }

    /** One decision among the candidate page the store returns for the contact's queue. */
    @Benchmark
    public Agent decideAmongCandidates() {
        Contact contact = nextContact();
        return decide(contact, world.candidates.get(contact.queueId()));
    }

    /** Baseline: count the agents with free capacity on the contact's channel, a trivial pass over all agents. */
    @Benchmark
    public int baselineScanAllAgents() {
        Contact contact = nextContact();
        int free = 0;
        for (Agent agent : world.agents) {
            if (agent.freeFor(contact.channel()) > 0) {
                free++;
            }
        }
        return free;
    }
}
