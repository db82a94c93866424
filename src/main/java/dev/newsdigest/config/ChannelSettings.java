package dev.newsdigest.config;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * {@code digest.file.*}, {@code digest.mail.*}, {@code digest.webhook.*} and {@code digest.tickets.*}: where a published
 * digest goes.
 */
public record ChannelSettings(Delivery file, Mail mail, Webhook webhook, Tickets tickets) {

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
    public record Webhook(Delivery delivery, String url, String secret, Duration timeout, long maxBytes) {
    }

    /**
     * One ticket per 課題 entry ({@code digest.tickets.mode=per-action}), through a preset's request templates
     * ({@code webhook}, {@code redmine}, {@code jira}, {@code github}) or the operator's own ({@code template}). The
     * token comes from the environment only.
     */
    public record Tickets(Delivery delivery, String preset, java.nio.file.Path template, String url, String project, String token,
                          Duration timeout, long maxBytes) {
    }

    static ChannelSettings read(SettingsReader r) {
        return new ChannelSettings(delivery(r, Channel.FILE), mail(r), webhook(r), tickets(r));
    }

    /** The delivery settings of {@code channel}. */
    public Delivery delivery(Channel channel) {
        return switch (channel) {
            case FILE -> file;
            case MAIL -> mail.delivery();
            case WEBHOOK -> webhook.delivery();
            case TICKETS -> tickets.delivery();
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

    private static Tickets tickets(SettingsReader r) {
        String mode = r.oneOf("digest.tickets.mode", Set.of("off", "per-action"));
        Delivery delivery = new Delivery(mode.equals("per-action"), r.positiveInt("digest.tickets.max-attempts"),
                r.duration("digest.tickets.backoff"));
        String preset = r.oneOf("digest.tickets.preset", Set.of("webhook", "redmine", "jira", "github", "template"));
        String template = r.text("digest.tickets.template");
        String url = r.text("digest.tickets.url");
        String project = r.text("digest.tickets.project");
        if (delivery.enabled()) {
            if (!url.matches("(?i)https?://.+")) {
                throw new ConfigException("digest.tickets.url", "tickets are on but '" + url + "' is not an http(s) URL");
            }
            if (preset.equals("template") && (template.isEmpty() || !java.nio.file.Files.isRegularFile(java.nio.file.Path.of(template)))) {
                throw new ConfigException("digest.tickets.template", "preset 'template' needs the path of a readable template file, not '" + template + "'");
            }
            if (!preset.equals("webhook") && !preset.equals("template") && project.isEmpty()) {
                throw new ConfigException("digest.tickets.project", "the " + preset + " preset needs a project ("
                        + (preset.equals("github") ? "owner/repo" : preset.equals("jira") ? "a project key" : "a project identifier") + ")");
            }
            if (preset.equals("github") && !project.matches("[\\w.-]+/[\\w.-]+")) {
                throw new ConfigException("digest.tickets.project", "'" + project + "' is not owner/repo");
            }
        }
        return new Tickets(delivery, preset, template.isEmpty() ? null : java.nio.file.Path.of(template), url.replaceAll("/+$", ""),
                project, r.optional("digest.tickets.token"), r.duration("digest.tickets.timeout"),
                r.positiveInt("digest.tickets.max-bytes"));
    }

    private static Webhook webhook(SettingsReader r) {
        Delivery delivery = delivery(r, Channel.WEBHOOK);
        String url = r.text("digest.webhook.url");
        if (delivery.enabled() && !url.matches("(?i)https?://.+")) {
            throw new ConfigException("digest.webhook.url", "webhook is enabled but '" + url + "' is not an http(s) URL");
        }
        return new Webhook(delivery, url, r.optional("digest.webhook.secret"), r.duration("digest.webhook.timeout"),
                r.positiveInt("digest.webhook.max-bytes"));
    }
}
