package dev.newsdigest.config;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.function.Function;

/**
 * {@code digest.chat.*}: the chat channels (Slack, Microsoft Teams, Discord), each {@code digest.chat.<name>.kind} with its
 * webhook URL from the environment only ({@code DIGEST_CHAT_<NAME>_URL}: the URL is the secret). Each channel is its own
 * delivery, {@code chat-<name>}; they share the client's limits and the retry settings.
 */
public record ChatSettings(List<Channel> channels, ChannelSettings.Delivery delivery, Duration timeout, long maxBytes, String siteUrl) {
    /** The kinds of chat a channel may be. */
    public static final Set<String> KINDS = Set.of("slack", "teams", "discord");
    /** The prefix of a chat channel's delivery id. */
    public static final String ID_PREFIX = "chat-";

    /** One chat channel: its name, its kind and its webhook URL (a secret: never logged). */
    public record Channel(String name, String kind, String url) {
        /** The delivery channel id, {@code chat-<name>}. */
        public String id() {
            return ID_PREFIX + name;
        }

        @Override
        public String toString() {
            return id() + " (" + kind + ")"; // never the URL
        }
    }

    /** The environment variable a channel's URL is read from: {@code DIGEST_CHAT_<NAME>_URL}, '-' as '_'. */
    public static String urlVariable(String name) {
        return "DIGEST_CHAT_" + name.toUpperCase(Locale.ROOT).replace('-', '_') + "_URL";
    }

    /** The key a channel's URL would have as a setting, refused outside the environment. */
    public static String urlKey(String name) {
        return "digest.chat." + name + ".url";
    }

    static ChatSettings read(SettingsReader r, Function<String, String> env) {
        Set<String> names = new LinkedHashSet<>(r.list("digest.chat.channels"));
        List<Channel> channels = new ArrayList<>();
        for (String name : names) {
            if (!name.matches("[a-z0-9]+(-[a-z0-9]+)*")) {
                throw new ConfigException("digest.chat.channels", "'" + name + "' is not a channel name (lower-case letters, digits and '-')");
            }
            String kind = r.text("digest.chat." + name + ".kind");
            if (!KINDS.contains(kind)) {
                throw new ConfigException("digest.chat." + name + ".kind", "'" + kind + "' is not one of slack, teams, discord");
            }
            String variable = urlVariable(name);
            String url = env.apply(variable);
            if (url == null || url.isBlank()) {
                // as the other secrets: Camel's properties resolve the key from the same variable (tests set the key)
                url = r.optional(urlKey(name));
            }
            if (url == null || url.isBlank()) {
                throw new ConfigException("digest.chat.channels", "chat channel '" + name + "' has no URL: set " + variable);
            }
            if (!url.trim().matches("(?i)https?://[^\\s]+")) {
                // the value is a secret: not shown
                throw new ConfigException("digest.chat.channels", "chat channel '" + name + "': " + variable + " is not an http(s) URL");
            }
            channels.add(new Channel(name, kind, url.trim()));
        }
        ChannelSettings.Delivery delivery = new ChannelSettings.Delivery(!channels.isEmpty(), r.positiveInt("digest.chat.max-attempts"),
                r.duration("digest.chat.backoff"));
        String site = r.text("digest.chat.site-url");
        if (site.isEmpty()) {
            site = r.text("digest.site.url");
        }
        if (!site.isEmpty() && !site.matches("(?i)https?://[^\\s]+")) {
            throw new ConfigException("digest.chat.site-url", "'" + site + "' is not an http(s) URL");
        }
        return new ChatSettings(List.copyOf(channels), delivery, r.duration("digest.chat.timeout"), r.positiveInt("digest.chat.max-bytes"),
                site.replaceAll("/+$", ""));
    }

    /** The channel with this delivery id ({@code chat-<name>}), if there is one. */
    public java.util.Optional<Channel> channel(String id) {
        return channels.stream().filter(c -> c.id().equals(id)).findFirst();
    }

    /** The delivery ids of every chat channel, in the order of {@code digest.chat.channels}. */
    public List<String> ids() {
        return channels.stream().map(Channel::id).toList();
    }

    /** The hosts of the channels' URLs: the operator's own, as the webhook's. */
    public Set<String> hosts() {
        Set<String> hosts = new LinkedHashSet<>();
        for (Channel c : channels) {
            try {
                String host = java.net.URI.create(c.url()).getHost();
                if (host != null) {
                    hosts.add(host);
                }
            } catch (IllegalArgumentException e) {
                // checked above; nothing to trust
            }
        }
        return hosts;
    }
}
