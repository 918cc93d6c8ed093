package net.paycallbacks.local;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class DemoScenarioTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void eachRunHasItsOwnTransactionsShapedAsIxopaySendsThem() throws IOException {
        DemoScenario first = DemoScenario.of("aaaaaa");
        DemoScenario second = DemoScenario.of("bbbbbb");

        assertThat(first.transactions()).hasSize(5).doesNotContainAnyElementsOf(second.transactions())
                .allSatisfy(uuid -> assertThat(uuid).hasSize(20));
        for (DemoScenario.Step step : first.steps()) {
            JsonNode body = JSON.readTree(step.body());
            assertThat(body.path("uuid").asText()).as(step.label()).isEqualTo(step.uuid());
            assertThat(body.path("result").asText()).isIn("OK", "PENDING");
            assertThat(body.path("amount").asText()).matches("\\d+\\.\\d{2}");
        }
    }

    @Test
    void followUpsPointAtTheTransactionsTheyBelongTo() throws IOException {
        DemoScenario scenario = DemoScenario.of("cccccc");
        List<String> uuids = scenario.transactions();
        String debit = uuids.get(0);
        String preauthorization = uuids.get(1);

        assertThat(body(scenario, "capture OK").path("referenceUuid").asText()).isEqualTo(preauthorization);
        assertThat(body(scenario, "refund of the debit OK").path("referenceUuid").asText()).isEqualTo(debit);
        assertThat(body(scenario, "chargeback on the debit OK").path("chargebackData").path("originalUuid").asText()).isEqualTo(debit);
        assertThat(body(scenario, "refund of the debit OK").has("customer")).as("a refund carries no customer").isFalse();
    }

    private static JsonNode body(DemoScenario scenario, String label) throws IOException {
        return JSON.readTree(scenario.steps().stream().filter(step -> step.label().equals(label)).findFirst().orElseThrow().body());
    }
}
