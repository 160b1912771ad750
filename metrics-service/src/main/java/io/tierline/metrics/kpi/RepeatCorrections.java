package io.tierline.metrics.kpi;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * The 7-day FCR of one contact (KPIS.md, "7-day FCR"): its resolutions, and the corrections a repeat contact
 * makes. A first-contact resolution R counts in the numerator, provisionally; a repeat of the contact that
 * arrives in {@code (R, R + repeat window]} takes it out again, in R's windows. Plain Java, immutable.
 *
 * @param resolutions the first-contact resolutions still inside their repeat window, oldest first
 */
public record RepeatCorrections(List<Resolution> resolutions) {

    public static final RepeatCorrections NONE = new RepeatCorrections(List.of());

    /** A first-contact resolution at {@code time} (epoch ms), counted in these dimensions. */
    public record Resolution(long time, List<String> dimensions, boolean corrected) {

        public Resolution {
            dimensions = List.copyOf(dimensions);
        }
    }

    /** What to add to the 7-day FCR of every dimension at {@code time}: numerator and denominator. */
    public record Change(long time, List<String> dimensions, long numerator, long denominator) {
    }

    public record Step(RepeatCorrections next, List<Change> changes) {
    }

    public RepeatCorrections {
        resolutions = List.copyOf(resolutions);
    }

    /** A resolution: 1 more resolved, and 1 more first-contact unless it was not one (then nothing to correct). */
    public Step resolved(long time, boolean firstContact, List<String> dimensions, Duration repeatWindow) {
        List<Resolution> kept = live(time, repeatWindow);
        if (firstContact) {
            kept.add(new Resolution(time, dimensions, false));
        }
        return new Step(new RepeatCorrections(kept), List.of(new Change(time, dimensions, firstContact ? 1 : 0, 1)));
    }

    /** A repeat of the contact at {@code time}: every first-contact resolution it falls after, within the window. */
    public Step repeated(long time, Duration repeatWindow) {
        List<Resolution> next = new ArrayList<>();
        List<Change> changes = new ArrayList<>();
        for (Resolution r : live(time, repeatWindow)) {
            if (!r.corrected() && r.time() < time && time <= r.time() + repeatWindow.toMillis()) {
                changes.add(new Change(r.time(), r.dimensions(), -1, 0));
                next.add(new Resolution(r.time(), r.dimensions(), true));
            } else {
                next.add(r);
            }
        }
        return new Step(new RepeatCorrections(next), changes);
    }

    /** The resolutions a repeat at {@code time} could still correct (the others are final). */
    private List<Resolution> live(long time, Duration repeatWindow) {
        List<Resolution> live = new ArrayList<>();
        for (Resolution r : resolutions) {
            if (r.time() + repeatWindow.toMillis() >= time) {
                live.add(r);
            }
        }
        return live;
    }
}
