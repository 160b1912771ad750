package io.tierline.routing;

/**
 * Where a contact is in routing.
 * <ul>
 * <li>WAITING: no queue fits yet (a later {@code PUT /queues} may pick it up).</li>
 * <li>PENDING: placed in a queue (or back in it after a decline), not yet announced; not matchable.</li>
 * <li>QUEUED: announced with ContactQueued; waiting for an agent.</li>
 * <li>OFFERED: capacity reserved on an agent, offer out.</li>
 * <li>ASSIGNED: the agent accepted.</li>
 * <li>RESOLVED / ESCALATED: the agent's handling ended; ESCALATED waits for escalation to re-queue it.</li>
 * <li>WITHDRAWN: taken out of its queue unhandled (abandoned by the customer).</li>
 * </ul>
 */
public enum ContactState {
    WAITING, PENDING, QUEUED, OFFERED, ASSIGNED, RESOLVED, ESCALATED, WITHDRAWN
}
