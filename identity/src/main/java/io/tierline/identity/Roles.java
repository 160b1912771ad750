package io.tierline.identity;

/**
 * The roles Tierline's services trust, as they appear in a JWT's {@code groups} claim, and the claim that
 * names a supervisor's teams. Gateways are not among them: they authenticate to intake with API keys.
 */
public final class Roles {

    /** An agent; the token's {@code upn} (or {@code sub}) is its agent id. */
    public static final String AGENT = "agent";
    /** A team lead: acts on the agents whose team is in its {@value #TEAMS_CLAIM} claim; reads KPIs. */
    public static final String SUPERVISOR = "supervisor";
    /** Queue, agent, tier-policy, knowledge-base and dead-letter administration; acts on any agent. */
    public static final String ADMIN = "admin";
    /** Read-only operations: KPIs and dashboards. */
    public static final String OPS = "ops";

    /** The claim holding a supervisor's team ids (a JSON array of strings). */
    public static final String TEAMS_CLAIM = "teams";

    private Roles() {
    }
}
