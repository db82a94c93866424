package dev.newsdigest.delivery;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.HexFormat;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/** {@code X-Digest-Signature: sha256=<hex HMAC-SHA256 of the exact body bytes>}, when a secret is set. */
public class WebhookSigner {
    private final String secret;

    public WebhookSigner(String secret) {
        this.secret = secret;
    }

    /** The header value for {@code body}, or null when no secret is configured. */
    public String sign(byte[] body) {
        if (secret == null) {
            return null;
        }
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            return "sha256=" + HexFormat.of().formatHex(mac.doFinal(body));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is not available", e);
        }
    }
}
