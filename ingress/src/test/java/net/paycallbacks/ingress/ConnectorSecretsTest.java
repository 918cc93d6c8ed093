package net.paycallbacks.ingress;

import net.paycallbacks.common.config.ConfigException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.nio.charset.StandardCharsets;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

class ConnectorSecretsTest {

    static final String VARIABLE = "IXOPAY_SHARED_SECRETS";

    @Test
    void pairsAreParsedPerConnector() {
        // When
        ConnectorSecrets secrets = ConnectorSecrets.parse(VARIABLE, "shop-eu:eu-secret, shop-us:us-secret");

        // Then
        assertThat(secrets.connectors()).containsExactlyInAnyOrder("shop-eu", "shop-us");
        assertThat(texts(secrets, "shop-eu")).containsExactly("eu-secret");
        assertThat(texts(secrets, "shop-us")).containsExactly("us-secret");
        assertThat(secrets.secretsFor("shop-asia")).isEmpty();
    }

    @Test
    void aConnectorListedTwiceKeepsBothSecretsForRotation() {
        // When
        ConnectorSecrets secrets = ConnectorSecrets.parse(VARIABLE, "shop-eu:old-secret,shop-us:us-secret,shop-eu:new-secret");

        // Then
        assertThat(texts(secrets, "shop-eu")).containsExactly("old-secret", "new-secret");
        assertThat(texts(secrets, "shop-us")).containsExactly("us-secret");
    }

    @Test
    void aSecretContainingAColonIsKeptWhole() {
        ConnectorSecrets secrets = ConnectorSecrets.parse(VARIABLE, "shop-eu:a:b::c:");

        assertThat(texts(secrets, "shop-eu")).containsExactly("a:b::c:");
    }

    @Test
    void spacesAroundNamesAndSecretsAreIgnored() {
        ConnectorSecrets secrets = ConnectorSecrets.parse(VARIABLE, " shop-eu : eu-secret ");

        assertThat(texts(secrets, "shop-eu")).containsExactly("eu-secret");
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "Shop-EU:s3cret-value",
            "-shop:s3cret-value",
            "shop_eu:s3cret-value",
            ":s3cret-value",
            "shop-eu:ok-secret,s3cret-value",
            "shop-eu",
            "shop-eu:",
            "shop-eu:s3cret-value,,shop-us:s3cret-value",
            ",",
            "shop-eu:abc,Def9:s3cret-value"})
    void aMalformedEntryFailsNamingTheVariableWithoutRevealingASecret(String pairs) {
        // When
        ConfigException e = catchThrowableOfType(ConfigException.class, () -> ConnectorSecrets.parse(VARIABLE, pairs));

        // Then
        assertThat(e).message().startsWith(VARIABLE + ": ").doesNotContain("s3cret-value", "ok-secret");
    }

    @Test
    void aConnectorNameLongerThan64CharactersIsRefused() {
        String name = "a".repeat(65);

        assertThat(catchThrowableOfType(ConfigException.class, () -> ConnectorSecrets.parse(VARIABLE, name + ":secret")))
                .hasMessageStartingWith(VARIABLE + ": entry 1: the connector name");
        assertThat(ConnectorSecrets.parse(VARIABLE, "a".repeat(64) + ":secret").connectors()).hasSize(1);
    }

    @Test
    void toStringNamesConnectorsAndCountsButNeverASecret() {
        // Given
        ConnectorSecrets secrets = ConnectorSecrets.parse(VARIABLE, "shop-us:us-secret,shop-eu:old-secret,shop-eu:new-secret");

        // Then
        assertThat(secrets.toString())
                .isEqualTo("connectors (secrets each)={shop-eu=2, shop-us=1}")
                .doesNotContain("secret-", "us-secret", "old-secret", "new-secret");
    }

    private static List<String> texts(ConnectorSecrets secrets, String connector) {
        return secrets.secretsFor(connector).orElseThrow().stream()
                .map(secret -> new String(secret, StandardCharsets.UTF_8))
                .toList();
    }
}
