package io.tierline.metrics.kpi;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/**
 * One agent's occupancy timeline (KPIS.md, "Occupancy"): staffed while its presence is AVAILABLE, BUSY or
 * WRAP_UP or while it has a contact; occupied while it has at least one contact (accepted, wrap-up not ended),
 * however many at once. Each change of state accrues the time since the previous one, split at UTC minute
 * boundaries so that every piece lies inside one window of every size. Plain Java, immutable.
 *
 * @param staffedStatus whether the last presence was AVAILABLE, BUSY or WRAP_UP
 * @param openContacts  the contacts accepted and not wrapped up
 * @param since         the time (epoch ms) accrued up to, or -1 before the first event
 */
public record AgentTimeline(boolean staffedStatus, Set<String> openContacts, long since) {

    public static final long MINUTE = 60_000;
    public static final AgentTimeline START = new AgentTimeline(false, Set.of(), -1);

    /** Time in one UTC minute: {@code occupied <= staffed}, both in ms. */
    public record Piece(long minuteStart, long occupiedMillis, long staffedMillis) {
    }

    /** The timeline after an event at {@code time}, and the pieces accrued up to it. */
    public record Step(AgentTimeline next, List<Piece> pieces) {
    }

    public AgentTimeline {
        openContacts = Set.copyOf(openContacts);
    }

    /** Nothing changes: accrues up to {@code time} (so that a long interval is counted while its windows are open). */
    public Step until(long time) {
        return advance(time, staffedStatus, openContacts);
    }

    public Step presence(long time, boolean staffed) {
        return advance(time, staffed, openContacts);
    }

    public Step accepted(long time, String contactId) {
        Set<String> open = new TreeSet<>(openContacts);
        open.add(contactId);
        return advance(time, staffedStatus, open);
    }

    public Step wrappedUp(long time, String contactId) {
        Set<String> open = new TreeSet<>(openContacts);
        open.remove(contactId);
        return advance(time, staffedStatus, open);
    }

    /** An event earlier than the time accrued to (out of order across topics) counts as happening at it. */
    private Step advance(long time, boolean staffed, Set<String> open) {
        long at = Math.max(time, since);
        List<Piece> pieces = since < 0 ? List.of() : accrue(since, at);
        return new Step(new AgentTimeline(staffed, open, at), pieces);
    }

    private List<Piece> accrue(long from, long to) {
        boolean occupied = !openContacts.isEmpty();
        if (!(staffedStatus || occupied) || to <= from) {
            return List.of();
        }
        List<Piece> pieces = new ArrayList<>();
        for (long start = from; start < to; ) {
            long minute = start - Math.floorMod(start, MINUTE);
            long end = Math.min(to, minute + MINUTE);
            pieces.add(new Piece(minute, occupied ? end - start : 0, end - start));
            start = end;
        }
        return pieces;
    }
}
