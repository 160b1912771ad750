package io.tierline.metrics;

import io.tierline.metrics.kpi.Aht;
import io.tierline.metrics.kpi.Fcr;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.time.temporal.ChronoUnit;

/** Computes KPI reports from the stored facts; the arithmetic itself is in {@code kpi}. */
@ApplicationScoped
public class KpiReports {

    private final FactStore facts;

    public KpiReports(FactStore facts) {
        this.facts = facts;
    }

    /**
     * The KPIs over the trailing window that ends at {@code now} (exclusive), truncated to the millisecond like
     * the stored times.
     */
    public KpiReport trailing(KpiWindow window, KpiFilter filter, Instant now) {
        Instant end = now.truncatedTo(ChronoUnit.MILLIS);
        Instant start = end.minus(window.length());
        Fcr fcr = Fcr.of(facts.countFirstContactResolved(filter, start, end), facts.countResolved(filter, start, end));
        Aht aht = Aht.of(facts.handleMillis(filter, start, end));
        return new KpiReport(window, start, end, filter, fcr, aht);
    }
}
