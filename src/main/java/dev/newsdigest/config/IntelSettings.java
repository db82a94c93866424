package dev.newsdigest.config;

import java.util.Optional;

/**
 * What the digests publish for threat-intelligence platforms: the STIX 2.1 producer ({@code digest.stix.*}), the MISP
 * feed ({@code digest.misp.*}) and the read-only TAXII 2.1 server that serves both in continuous mode
 * ({@code digest.taxii.*}). The TAXII password and token come from the environment only ({@code DIGEST_TAXII_PASSWORD},
 * {@code DIGEST_TAXII_TOKEN}). {@code withheld}: the digests are TLP:RED and {@code digest.tlp.allow-external} is false,
 * so the server refuses everyone (403), as the webhook and ticket channels are refused: a platform shares what it reads.
 */
public record IntelSettings(String producer, boolean misp, String mispOrg, boolean taxii, String bind, int port,
                            boolean anonymous, Optional<String> user, Optional<String> password, Optional<String> token,
                            boolean withheld) {

    static IntelSettings read(SettingsReader r, Tlp tlp) {
        String producer = r.text("digest.stix.identity");
        if (producer.isEmpty() || producer.length() > 200) {
            throw new ConfigException("digest.stix.identity", "the producer's name: 1 to 200 characters");
        }
        boolean anonymous = r.bool("digest.taxii.anonymous");
        if (anonymous && tlp != null && tlp != Tlp.CLEAR) {
            throw new ConfigException("digest.taxii.anonymous", "anyone who reaches the server could read a digest marked " + tlp.label()
                    + ": anonymous access is allowed only for TLP:CLEAR (or no marking)");
        }
        Optional<String> user = Optional.ofNullable(r.optional("digest.taxii.user"));
        Optional<String> password = Optional.ofNullable(r.optional("digest.taxii.password"));
        if (user.isPresent() != password.isPresent()) {
            throw new ConfigException("digest.taxii.user", "HTTP Basic needs both digest.taxii.user and DIGEST_TAXII_PASSWORD (or neither)");
        }
        String org = r.text("digest.misp.org");
        return new IntelSettings(producer, r.bool("digest.misp.enabled"), org.isEmpty() ? producer : org, r.bool("digest.taxii.enabled"),
                r.text("digest.taxii.bind"), r.port("digest.taxii.port"), anonymous, user, password,
                Optional.ofNullable(r.optional("digest.taxii.token")), tlp == Tlp.RED && !r.bool("digest.tlp.allow-external"));
    }
}
