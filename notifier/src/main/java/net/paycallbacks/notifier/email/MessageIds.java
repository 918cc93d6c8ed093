package net.paycallbacks.notifier.email;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * Deterministic Message-IDs: the same transaction and email kind always give the same id, so that a
 * mail system that sees one email twice (after a crash between sending and recording it) can tell.
 */
public final class MessageIds {

    private MessageIds() {
    }

    /** {@code <hash@domain>}, the hash over transaction uuid and kind; the uuid itself stays out of mail headers. */
    public static String of(String transactionUuid, EmailKind kind, String domain) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256")
                    .digest(("ixopay-notification/" + transactionUuid + "/" + kind.configName()).getBytes(StandardCharsets.UTF_8));
            return "<" + HexFormat.of().formatHex(digest, 0, 20) + "." + kind.configName() + "@" + domain + ">";
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JDK", e);
        }
    }
}
