package dev.newsdigest.intel;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

import dev.newsdigest.config.IntelSettings;
import org.apache.camel.Exchange;
import org.apache.camel.Message;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Who may read what the server for threat-intelligence platforms serves (the TAXII collection, and any path added to the
 * same server later, such as the MISP feed): checked once, before anything else answers. HTTP Basic with
 * {@code digest.taxii.user} and {@code DIGEST_TAXII_PASSWORD}, or {@code Authorization: Bearer} with
 * {@code DIGEST_TAXII_TOKEN}; anyone only with {@code digest.taxii.anonymous=true}. With no credentials configured and
 * no anonymous reading, every request is refused.
 *
 * <p>Credentials are compared as SHA-256 digests with {@link MessageDigest#isEqual}, which takes the same time whatever
 * bytes differ: a client cannot learn a password from how long a refusal takes, nor its length (the digests are all 32
 * bytes). A refusal is logged at INFO with the method, the path and the peer, never with what was sent.
 */
public class IntelAccess {
    private static final Logger LOG = LoggerFactory.getLogger(IntelAccess.class);
    private static final String REALM = "news-digest";

    private final boolean anonymous;
    private final byte[] user;
    private final byte[] password;
    private final byte[] token;
    private final List<String> challenges;
    private final boolean withheld;

    public IntelAccess(IntelSettings settings) {
        this.anonymous = settings.anonymous();
        this.withheld = settings.withheld();
        this.user = settings.user().filter(u -> settings.password().isPresent()).map(IntelAccess::digest).orElse(null);
        this.password = settings.user().flatMap(u -> settings.password()).map(IntelAccess::digest).orElse(null);
        this.token = settings.token().filter(t -> !t.isBlank()).map(IntelAccess::digest).orElse(null);
        List<String> schemes = new ArrayList<>();
        if (user != null || token == null) {
            schemes.add("Basic realm=\"" + REALM + "\", charset=\"UTF-8\"");
        }
        if (token != null) {
            schemes.add("Bearer realm=\"" + REALM + "\"");
        }
        this.challenges = List.copyOf(schemes);
    }

    /** Whether a request with this {@code Authorization} header (null: none) may read. */
    public boolean allows(String authorization) {
        if (anonymous) {
            return true;
        }
        if (authorization == null) {
            return false;
        }
        String[] scheme = authorization.strip().split("\\s+", 2);
        if (scheme.length != 2) {
            return false;
        }
        return switch (scheme[0].toLowerCase(Locale.ROOT)) {
            case "basic" -> basic(scheme[1]);
            case "bearer" -> token != null && MessageDigest.isEqual(digest(scheme[1]), token);
            default -> false;
        };
    }

    private boolean basic(String credentials) {
        if (user == null) {
            return false;
        }
        String decoded;
        try {
            decoded = new String(Base64.getDecoder().decode(credentials), StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            return false;
        }
        int colon = decoded.indexOf(':');
        if (colon < 0) {
            return false;
        }
        // both compared, whichever differs: no early answer for a wrong user
        boolean sameUser = MessageDigest.isEqual(digest(decoded.substring(0, colon)), user);
        boolean samePassword = MessageDigest.isEqual(digest(decoded.substring(colon + 1)), password);
        return sameUser & samePassword;
    }

    /**
     * Lets the request in {@code exchange} go on when it may read; else answers 401 (a TAXII error, with the
     * {@code WWW-Authenticate} challenges of the schemes configured) in its place and stops the route.
     */
    public void check(Exchange exchange) {
        Message in = exchange.getMessage();
        String authorization = Optional.ofNullable(in.getHeader("Authorization")).map(Object::toString).orElse(null);
        if (withheld) {
            HttpAnswer.error(403, "Forbidden", "The digests are marked TLP:RED, for their named recipients only: this server does not "
                    + "share them with platforms (digest.tlp.allow-external=true would).", Map.of()).writeTo(in);
            exchange.setRouteStop(true);
            return;
        }
        if (allows(authorization)) {
            return;
        }
        LOG.info("taxii-server: refused {} {} from {}: {}", in.getHeader(Exchange.HTTP_METHOD), in.getHeader(Exchange.HTTP_PATH),
                in.getHeader("CamelVertxPlatformHttpRemoteAddress"), authorization == null ? "no credentials" : "credentials not accepted");
        HttpAnswer.error(401, "Unauthorized", "Send HTTP Basic credentials or a bearer token that this server accepts.",
                Map.of("WWW-Authenticate", challenges)).writeTo(in);
        exchange.setRouteStop(true);
    }

    private static byte[] digest(String text) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java has SHA-256", e);
        }
    }
}
