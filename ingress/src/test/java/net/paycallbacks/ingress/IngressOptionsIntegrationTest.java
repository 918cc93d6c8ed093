package net.paycallbacks.ingress;

import net.paycallbacks.common.config.Env;
import net.paycallbacks.ingress.support.HttpAnswer;
import net.paycallbacks.ingress.support.IngressClient;
import net.paycallbacks.ingress.support.RunningIngress;
import net.paycallbacks.ingress.support.SignedCallback;
import net.paycallbacks.ingress.signature.SignatureVerifier;
import net.paycallbacks.ingress.signature.SignedRequest;
import net.paycallbacks.common.SignatureVariant;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import java.util.Map;

import static net.paycallbacks.ingress.support.RunningIngress.CONNECTOR;
import static net.paycallbacks.ingress.support.RunningIngress.SECRET;
import static net.paycallbacks.ingress.support.RunningIngress.callback;
import static net.paycallbacks.ingress.support.RunningIngress.newUuid;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

/** Settings that change what the ingress accepts or how it behaves over time. */
class IngressOptionsIntegrationTest {

    @Test
    void withADateSkewSetAnOldCallbackIsRefusedAsStaleAndAFreshOneAccepted() {
        try (RunningIngress ingress = RunningIngress.start(Map.of("IXOPAY_MAX_DATE_SKEW", "PT5M"))) {
            IngressClient http = ingress.client();
            // Given a validly signed callback dated 2018, and one dated now in IXOPAY's "UTC" format
            SignedCallback old = SignedCallback.signed(CONNECTOR, SECRET, SignedCallback.body(newUuid()));
            String now = ZonedDateTime.now(ZoneOffset.UTC)
                    .format(DateTimeFormatter.ofPattern("EEE, dd MMM yyyy HH:mm:ss 'UTC'", Locale.ENGLISH));
            SignedCallback fresh = signedAt(now);

            // Then the old one is refused with 401 and counted as stale, the fresh one stored
            HttpAnswer refused = http.send(old);
            assertThat(refused.status()).isEqualTo(401);
            assertThat(refused.body()).contains("clock skew");
            assertThat(http.send(fresh).status()).isEqualTo(200);
            assertThat(http.get("/metrics").body())
                    .containsPattern("ixopay_callbacks_total\\{connector=\"shop-eu\",outcome=\"stale_date\"} 1");
        }
    }

    @Test
    void aCallbackAfterAQuietSpellLongerThanTheProducersMetadataIdleTimeIsStillAccepted() {
        // Given a producer that forgets topics unused for 5 s (the default is 5 min)
        try (RunningIngress ingress = RunningIngress.start(Map.of(
                "KAFKA_METADATA_MAX_IDLE_MS", "5000", "KAFKA_METADATA_MAX_AGE_MS", "1000"))) {
            IngressClient http = ingress.client();
            assertThat(http.send(callback()).status()).isEqualTo(200);

            // When no callback arrives for longer than that
            await().during(Duration.ofSeconds(8)).atMost(Duration.ofSeconds(10)).until(ingress.app::isReady);

            // Then the next callback is stored at once, not refused for want of metadata
            assertThat(http.send(callback()).status()).isEqualTo(200);
        }
    }

    @Test
    void anIngressThatCannotListenFailsToStartInsteadOfLingering() {
        try (RunningIngress first = RunningIngress.start(Map.of())) {
            // Given the port is taken by another ingress
            IngressConfig samePort = IngressConfig.from(new Env(Map.of(
                    Env.KAFKA_BOOTSTRAP_SERVERS, first.broker.bootstrapServers(),
                    "HTTP_PORT", Integer.toString(first.app.port()),
                    "IXOPAY_SHARED_SECRETS", CONNECTOR + ":" + SECRET)));

            // Then starting a second one on it fails, and the first keeps serving
            assertThatThrownBy(() -> IngressApp.start(samePort, Clock.systemUTC()))
                    .hasMessageContaining("Address already in use");
            assertThat(first.client().send(callback()).status()).isEqualTo(200);
        }
    }

    private static SignedCallback signedAt(String date) {
        String uri = "/callbacks/" + CONNECTOR;
        byte[] body = SignedCallback.body(newUuid()).getBytes(StandardCharsets.UTF_8);
        String signature = SignatureVerifier.sign(new SignedRequest("POST", body, SignedCallback.CONTENT_TYPE, date, uri),
                SECRET.getBytes(StandardCharsets.UTF_8), SignatureVariant.SHA512);
        return SignedCallback.signed(uri, SECRET, body, SignatureVariant.SHA512)
                .withHeader("Date", date)
                .withHeader("X-Signature", signature);
    }
}
