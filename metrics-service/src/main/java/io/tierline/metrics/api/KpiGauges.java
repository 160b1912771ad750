package io.tierline.metrics.api;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.runtime.Startup;
import io.tierline.metrics.KpiReport;
import io.tierline.metrics.KpiWindow;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.function.ToDoubleFunction;

/**
 * The P1D snapshot over all contacts as Micrometer gauges in {@code /q/metrics}. Refreshed by the KPI
 * publisher every publish interval; NaN until the first refresh and while a value is undefined. Labels are
 * {@code window} and {@code stat} only (no personal data, low cardinality).
 */
@Startup
@ApplicationScoped
public class KpiGauges {

    public static final KpiWindow WINDOW = KpiWindow.P1D;

    private volatile KpiReport daily;

    public KpiGauges(MeterRegistry registry) {
        gauge(registry, "tierline.kpi.fcr.ratio", "First-contact resolution", r -> nan(r.fcr().value()));
        gauge(registry, "tierline.kpi.contacts.resolved", "Contacts resolved by agents", r -> r.fcr().denominator());
        gauge(registry, "tierline.kpi.contacts.resolved.first.contact", "Contacts resolved at first contact",
                r -> r.fcr().numerator());
        gauge(registry, "tierline.kpi.handlings", "Handlings completed (accept to end of wrap-up)", r -> r.aht().count());
        aht(registry, "mean", r -> nan(r.aht().meanSeconds()));
        aht(registry, "p50", r -> nan(r.aht().p50Seconds()));
        aht(registry, "p90", r -> nan(r.aht().p90Seconds()));
        aht(registry, "p99", r -> nan(r.aht().p99Seconds()));
    }

    public void update(KpiReport report) {
        this.daily = report;
    }

    private void gauge(MeterRegistry registry, String name, String description, ToDoubleFunction<KpiReport> value) {
        Gauge.builder(name, this, g -> g.read(value)).description(description)
                .tag("window", WINDOW.name()).register(registry);
    }

    private void aht(MeterRegistry registry, String stat, ToDoubleFunction<KpiReport> value) {
        Gauge.builder("tierline.kpi.aht.seconds", this, g -> g.read(value))
                .description("Average handle time and nearest-rank percentiles, in seconds")
                .tag("window", WINDOW.name()).tag("stat", stat).register(registry);
    }

    private double read(ToDoubleFunction<KpiReport> value) {
        KpiReport report = daily;
        return report == null ? Double.NaN : value.applyAsDouble(report);
    }

    private static double nan(Double value) {
        return value == null ? Double.NaN : value;
    }
}
