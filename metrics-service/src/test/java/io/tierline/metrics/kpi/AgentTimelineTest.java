package io.tierline.metrics.kpi;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.tierline.metrics.kpi.AgentTimeline.Piece;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class AgentTimelineTest {

    static final long T0 = Instant.parse("2025-03-01T12:00:00Z").toEpochMilli();

    static long at(int minute, int second) {
        return T0 + minute * 60_000L + second * 1000L;
    }

    @Test
    void concurrentChatsCountOncePerWallClockInterval() {
        // available 12:00:00; chat A 12:00:10..12:00:40, chat B 12:00:20..12:00:50 (overlapping); logs off 12:01:00
        var s = AgentTimeline.START.presence(at(0, 0), true);
        assertEquals(List.of(), s.pieces());
        s = s.next().accepted(at(0, 10), "A");
        assertEquals(List.of(new Piece(at(0, 0), 0, 10_000)), s.pieces());           // idle 10 s
        s = s.next().accepted(at(0, 20), "B");
        assertEquals(List.of(new Piece(at(0, 0), 10_000, 10_000)), s.pieces());      // A alone 10 s
        s = s.next().wrappedUp(at(0, 40), "A");
        assertEquals(List.of(new Piece(at(0, 0), 20_000, 20_000)), s.pieces());      // A and B: 20 s, once
        s = s.next().wrappedUp(at(0, 50), "B");
        assertEquals(List.of(new Piece(at(0, 0), 10_000, 10_000)), s.pieces());      // B alone
        s = s.next().presence(at(1, 0), false);
        assertEquals(List.of(new Piece(at(0, 0), 0, 10_000)), s.pieces());           // idle 10 s
        // offline: nothing accrues
        assertEquals(List.of(), s.next().presence(at(5, 0), true).pieces());
        // total minute 12:00: occupied 40 s of 60 s staffed = 2/3
    }

    @Test
    void anIntervalIsSplitAtMinuteBoundaries() {
        var s = AgentTimeline.START.accepted(at(0, 30), "A").next().wrappedUp(at(2, 15), "A");
        assertEquals(List.of(new Piece(at(0, 0), 30_000, 30_000), new Piece(at(1, 0), 60_000, 60_000),
                new Piece(at(2, 0), 15_000, 15_000)), s.pieces());
    }

    @Test
    void aContactKeepsTheAgentStaffedAndALateEventCountsAtTheTimeAccruedTo() {
        // away with a contact open: still staffed and occupied
        var s = AgentTimeline.START.presence(at(0, 0), true).next().accepted(at(0, 10), "A").next()
                .presence(at(0, 20), false);
        assertEquals(List.of(new Piece(at(0, 0), 10_000, 10_000)), s.pieces());
        s = s.next().wrappedUp(at(0, 30), "A");
        assertEquals(List.of(new Piece(at(0, 0), 10_000, 10_000)), s.pieces());
        // an event from before 12:00:30 arriving now accrues nothing and moves nothing back
        var late = s.next().presence(at(0, 5), true);
        assertEquals(List.of(), late.pieces());
        assertEquals(at(0, 30), late.next().since());
    }
}
