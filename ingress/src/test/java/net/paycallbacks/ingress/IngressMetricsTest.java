package net.paycallbacks.ingress;

import org.junit.jupiter.api.Test;

import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

class IngressMetricsTest {

    @Test
    void everyOutcomeOfEveryConfiguredConnectorStartsAtZero() {
        try (IngressMetrics metrics = new IngressMetrics(Set.of("shop-eu", "shop-us"))) {
            String scrape = metrics.scrape();

            for (String connector : Set.of("shop-eu", "shop-us", "unknown")) {
                for (Outcome outcome : Outcome.values()) {
                    assertThat(scrape).contains("ixopay_callbacks_total{connector=\"" + connector + "\",outcome=\""
                            + outcome.label() + "\"} 0.0");
                }
            }
        }
    }

    @Test
    void aConnectorNobodyConfiguredIsCountedAsUnknownNeverUnderItsOwnName() {
        try (IngressMetrics metrics = new IngressMetrics(Set.of("shop-eu"))) {
            metrics.count("shop-eu", Outcome.ACCEPTED);
            metrics.count("shop-eu", Outcome.ACCEPTED);
            metrics.count("attacker-chosen-name", Outcome.UNKNOWN_CONNECTOR);
            metrics.count(null, Outcome.TOO_LARGE);

            assertThat(metrics.scrape())
                    .contains("ixopay_callbacks_total{connector=\"shop-eu\",outcome=\"accepted\"} 2.0")
                    .contains("ixopay_callbacks_total{connector=\"unknown\",outcome=\"unknown_connector\"} 1.0")
                    .contains("ixopay_callbacks_total{connector=\"unknown\",outcome=\"too_large\"} 1.0")
                    .doesNotContain("attacker-chosen-name");
        }
    }
}
