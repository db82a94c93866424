package com.example.digest.config;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/** {@code digest.file.*}, {@code digest.mail.*} and {@code digest.webhook.*}: where a published digest goes. */
public record ChannelSettings(Delivery file, Mail mail, Webhook webhook) {

    /** What every channel has: {@code digest.<channel>.enabled}, {@code .max-attempts} and {@code .backoff}. */
    public record Delivery(boolean enabled, int maxAttempts, Duration backoff) {
    }

    /** SMTP delivery. The password comes from the environment only. */
    public record Mail(Delivery delivery, String host, int port, String security, String username, String password,
                       String from, List<String> to, String subjectPrefix) {
        /** The domain of the sender address, for Message-ID and List-Id. */
        public String fromDomain() {
            return from.substring(from.lastIndexOf('@') + 1).replaceAll("[>\\s]", "");
        }

        /** The camel-mail endpoint (no credentials in it: they are set on the component). */
        public String endpoint() {
            return (security.equals("ssl") ? "smtps" : "smtp") + "://" + host + ":" + port;
        }
    }

    /** An HTTP POST of the digest JSON. The HMAC secret comes from the environment only. */
    public record Webhook(Delivery delivery, String url, String secret, Duration timeout) {
    }

    static ChannelSettings read(SettingsReader r) {
        return new ChannelSettings(delivery(r, Channel.FILE), mail(r), webhook(r));
    }

    /** The delivery settings of {@code channel}. */
    public Delivery delivery(Channel channel) {
        return switch (channel) {
            case FILE -> file;
            case MAIL -> mail.delivery();
            case WEBHOOK -> webhook.delivery();
        };
    }

    /** The enabled channels, in delivery order. */
    public List<Channel> enabled() {
        List<Channel> enabled = new ArrayList<>();
        for (Channel c : Channel.values()) {
            if (delivery(c).enabled()) {
                enabled.add(c);
            }
        }
        return List.copyOf(enabled);
    }

    private static Delivery delivery(SettingsReader r, Channel channel) {
        String prefix = "digest." + channel.id() + ".";
        return new Delivery(r.bool(prefix + "enabled"), r.positiveInt(prefix + "max-attempts"), r.duration(prefix + "backoff"));
    }

    private static Mail mail(SettingsReader r) {
        Delivery delivery = delivery(r, Channel.MAIL);
        String security = r.oneOf("digest.mail.security", Set.of("none", "starttls", "ssl"));
        int port = r.port("digest.mail.port", security.equals("ssl") ? 465 : security.equals("starttls") ? 587 : 25);
        if (port == 0) {
            throw new ConfigException("digest.mail.port", "'0' is not a port number (1-65535)");
        }
        String from = r.text("digest.mail.from");
        List<String> to = r.list("digest.mail.to");
        if (delivery.enabled()) {
            if (!from.matches("[^@\\s]+@[^@\\s]+")) {
                throw new ConfigException("digest.mail.from", "'" + from + "' is not an e-mail address");
            }
            if (to.isEmpty() || !to.stream().allMatch(a -> a.matches("[^@\\s]+@[^@\\s]+"))) {
                throw new ConfigException("digest.mail.to", "'" + String.join(",", to) + "' is not a comma-separated list of e-mail addresses");
            }
        }
        return new Mail(delivery, r.text("digest.mail.host"), port, security, r.optional("digest.mail.username"),
                r.optional("digest.mail.password"), from, to, r.raw("digest.mail.subject-prefix"));
    }

    private static Webhook webhook(SettingsReader r) {
        Delivery delivery = delivery(r, Channel.WEBHOOK);
        String url = r.text("digest.webhook.url");
        if (delivery.enabled() && !url.matches("(?i)https?://.+")) {
            throw new ConfigException("digest.webhook.url", "webhook is enabled but '" + url + "' is not an http(s) URL");
        }
        return new Webhook(delivery, url, r.optional("digest.webhook.secret"), r.duration("digest.webhook.timeout"));
    }
}
