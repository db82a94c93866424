package com.example.digest.config;

import java.net.URI;
import java.nio.file.Path;
import java.time.DateTimeException;
import java.time.Duration;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

import org.quartz.CronExpression;

/**
 * Every {@code digest.*} setting, read once and validated. A bad value raises a {@link ConfigException}
 * naming the key, which the command line turns into one line and exit code 2.
 */
public final class Settings {

    public enum Provider { OPENAI, OLLAMA, ANTHROPIC, OFFLINE }

    /** Domains that are never IOCs (with their subdomains): web plumbing, social networks, reference sites. */
    public static final String DEFAULT_IGNORED_DOMAINS = "w3.org,schema.org,purl.org,ogp.me,xmlns.com,googleapis.com,gstatic.com,"
            + "googletagmanager.com,google-analytics.com,doubleclick.net,facebook.com,twitter.com,x.com,linkedin.com,youtube.com,"
            + "instagram.com,wikipedia.org,cisa.gov,nist.gov,mitre.org,first.org,cve.org";

    private final List<FeedConfig> feeds;
    private final Duration pollInterval;
    private final String closeCron;
    private final ZoneId timezone;
    private final String language;
    private final Duration maxItemAge;
    private final Path stateDir;
    private final Path outputDir;
    private final Duration lease;
    private final int concurrency;
    private final Provider provider;
    private final String llmBaseUrl;
    private final String llmModel;
    private final String llmApiKey;
    private final Duration llmTimeout;
    private final int llmMaxInputChars;
    private final int llmRetries;
    private final Duration llmRetryDelay;
    private final int llmMaxConcurrent;
    private final Duration llmItemTimeout;
    private final Path llmCacheDir;
    private final int llmRequestsPerMinute;
    private final long llmDailyTokenBudget;
    private final int fetchMaxPerHost;
    private final Duration retention;
    private final int httpPort;
    private final Duration fetchTimeout;
    private final long fetchMaxBytes;
    private final String userAgent;
    private final boolean allowPrivateAddresses;
    private final URI proxy;
    private final Set<String> iocIgnoreDomains;
    private final Delivery file;
    private final Mail mail;
    private final Webhook webhook;

    /** Retry settings every delivery channel has: {@code digest.<channel>.max-attempts} and {@code .backoff}. */
    public record Delivery(boolean enabled, int maxAttempts, Duration backoff) {
    }

    /** {@code digest.mail.*}: SMTP delivery. The password comes from the environment only. */
    public record Mail(Delivery delivery, String host, int port, String security, String username, String password,
                       String from, List<String> to, String subjectPrefix) {
        /** The domain of the sender address, for Message-ID and List-Id. */
        public String fromDomain() {
            return from.substring(from.lastIndexOf('@') + 1).replaceAll("[>\\s]", "");
        }
    }

    /** {@code digest.webhook.*}: HTTP POST of the digest JSON. The secret comes from the environment only. */
    public record Webhook(Delivery delivery, String url, String secret, Duration timeout) {
    }

    private Settings(Function<String, String> lookup, Function<String, String> env) {
        Reader r = new Reader(lookup);
        this.feeds = readFeeds(r);
        this.pollInterval = r.duration("digest.poll.interval", "15m");
        this.closeCron = r.cron("digest.close.cron", "0 0 7 * * ?");
        this.timezone = r.zone("digest.timezone", "Asia/Tokyo");
        this.language = r.oneOf("digest.language", "ja", Set.of("ja", "en"));
        this.maxItemAge = r.duration("digest.max-item-age", "3d");
        this.stateDir = r.folder("digest.state.dir", "data");
        this.outputDir = r.folder("digest.output.dir", "digests");
        this.lease = r.duration("digest.state.lease", "10m");
        this.concurrency = r.positiveInt("digest.concurrency", 4);
        this.llmBaseUrl = r.absoluteHttpUrl("digest.llm.base-url");
        String configuredKey = emptyToNull(r.text("digest.llm.api-key", ""));
        this.provider = readProvider(r, configuredKey, env);
        this.llmApiKey = configuredKey != null ? configuredKey : switch (provider) {
            case OPENAI -> emptyToNull(env.apply("OPENAI_API_KEY"));
            case ANTHROPIC -> emptyToNull(env.apply("ANTHROPIC_API_KEY"));
            default -> null;
        };
        this.llmModel = r.text("digest.llm.model", defaultModel(provider));
        this.llmTimeout = r.duration("digest.llm.timeout", "60s");
        this.llmMaxInputChars = r.positiveInt("digest.llm.max-input-chars", 12000);
        this.llmRetries = r.nonNegativeInt("digest.llm.retries", 1);
        this.llmRetryDelay = Duration.ofMillis(r.positiveInt("digest.llm.retry-delay", 2000));
        this.llmMaxConcurrent = r.positiveInt("digest.llm.max-concurrent", 4);
        this.llmItemTimeout = r.duration("digest.llm.item-timeout", "2m");
        String cacheDir = r.text("digest.llm.cache-dir", "");
        this.llmCacheDir = cacheDir.isBlank() ? stateDir.resolve("llm-cache") : Path.of(cacheDir);
        this.llmRequestsPerMinute = (int) r.optionalPositive("digest.llm.requests-per-minute", Integer.MAX_VALUE);
        this.llmDailyTokenBudget = r.optionalPositive("digest.llm.daily-token-budget", Long.MAX_VALUE);
        this.fetchTimeout = r.duration("digest.fetch.timeout", "20s");
        this.fetchMaxPerHost = r.positiveInt("digest.fetch.max-per-host", 2);
        this.retention = r.duration("digest.retention", "30d");
        this.httpPort = r.port("digest.http.port", 8080);
        this.fetchMaxBytes = r.positiveInt("digest.fetch.max-bytes", 5 * 1024 * 1024);
        this.userAgent = r.text("digest.fetch.user-agent", DEFAULT_USER_AGENT);
        this.allowPrivateAddresses = r.bool("digest.fetch.allow-private-addresses", false);
        this.proxy = r.httpUri("digest.http.proxy");
        this.iocIgnoreDomains = domains(r.text("digest.iocs.ignore-domains", DEFAULT_IGNORED_DOMAINS));
        this.file = delivery(r, "file", true);
        this.mail = readMail(r);
        this.webhook = readWebhook(r);
        if (provider == Provider.OPENAI && llmApiKey == null && llmBaseUrl == null) {
            throw new ConfigException("digest.llm.api-key",
                    "provider openai needs a key (DIGEST_LLM_API_KEY or OPENAI_API_KEY) or a digest.llm.base-url");
        }
        if (provider == Provider.ANTHROPIC && llmApiKey == null) {
            throw new ConfigException("digest.llm.api-key",
                    "provider anthropic needs a key (DIGEST_LLM_API_KEY or ANTHROPIC_API_KEY)");
        }
    }

    /** The User-Agent of feed and page requests unless {@code digest.fetch.user-agent} says otherwise: the only default. */
    public static final String DEFAULT_USER_AGENT = "news-digest/0.1 (security news digest; +https://github.com/example/news-digest)";

    /** The keys that hold secrets, each with the one environment variable it is read from. */
    public static final Map<String, String> SECRET_KEYS = Map.of(
            "digest.llm.api-key", "DIGEST_LLM_API_KEY",
            "digest.mail.password", "DIGEST_MAIL_PASSWORD",
            "digest.webhook.secret", "DIGEST_WEBHOOK_SECRET");

    /**
     * Refuses a secret written in a properties file or given as {@code -D}: secrets come from the environment only, where
     * they are neither committed nor shown by {@code ps}. {@code files} answers a key from the properties files alone.
     */
    public static void refuseSecretsOutsideTheEnvironment(Function<String, String> files) {
        for (Map.Entry<String, String> secret : new java.util.TreeMap<>(SECRET_KEYS).entrySet()) {
            String key = secret.getKey();
            String inFile = files.apply(key);
            if (inFile != null && !inFile.isBlank()) {
                throw new ConfigException(key, "secrets are read from the environment only: remove it from application.properties and set "
                        + secret.getValue());
            }
            String property = System.getProperty(key);
            if (property != null && !property.isBlank()) {
                throw new ConfigException(key, "secrets are read from the environment only: do not pass it with -D, set " + secret.getValue());
            }
        }
    }

    /** The hosts of the configured http(s) feeds: the operator's choice, fetched without the address guard. */
    public Set<String> feedHosts() {
        Set<String> hosts = new java.util.HashSet<>();
        for (FeedConfig feed : feeds) {
            if (!feed.isLocalFile()) {
                String host = URI.create(feed.url()).getHost();
                if (host != null) {
                    hosts.add(host.toLowerCase(Locale.ROOT));
                }
            }
        }
        return Set.copyOf(hosts);
    }

    /** Reads and validates the settings; {@code lookup} answers a property or null, {@code env} an environment variable. */
    public static Settings from(Function<String, String> lookup, Function<String, String> env) {
        return new Settings(lookup, env);
    }

    private static List<FeedConfig> readFeeds(Reader r) {
        List<FeedConfig> result = new ArrayList<>();
        Set<String> ids = new LinkedHashSet<>();
        for (String id : r.text("digest.feeds", "").split(",")) {
            id = id.trim();
            if (id.isEmpty()) {
                continue;
            }
            if (!id.matches("[A-Za-z0-9_-]+")) {
                throw new ConfigException("digest.feeds", "feed id '" + id + "' may only hold letters, digits, '-' and '_'");
            }
            if (!ids.add(id)) {
                throw new ConfigException("digest.feeds", "feed id '" + id + "' is listed twice");
            }
            String prefix = "digest.feed." + id + ".";
            String url = r.text(prefix + "url", "");
            if (url.isBlank()) {
                throw new ConfigException(prefix + "url", "feed '" + id + "' has no URL");
            }
            if (!url.matches("(?i)(https?|file):.+")) {
                throw new ConfigException(prefix + "url", "'" + url + "' is not an http(s) or file: URL");
            }
            String section = r.oneOf(prefix + "section", "news", Set.of("news", "incidents"));
            Pattern include = null;
            String filter = r.text(prefix + "include", "");
            if (!filter.isBlank()) {
                try {
                    include = Pattern.compile(filter);
                } catch (PatternSyntaxException e) {
                    throw new ConfigException(prefix + "include", "not a valid regular expression: " + e.getDescription());
                }
            }
            result.add(new FeedConfig(id, url.trim(),
                    section.equals("incidents") ? FeedConfig.Section.INCIDENTS : FeedConfig.Section.NEWS, include));
        }
        if (result.isEmpty()) {
            throw new ConfigException("digest.feeds", "no feed is configured");
        }
        return List.copyOf(result);
    }

    /** A comma-separated list of domains, trimmed and lower-cased. */
    public static Set<String> domains(String commaSeparated) {
        return java.util.Arrays.stream(commaSeparated.split(",")).map(d -> d.trim().toLowerCase(Locale.ROOT))
                .filter(d -> !d.isEmpty()).collect(java.util.stream.Collectors.toUnmodifiableSet());
    }

    private static Delivery delivery(Reader r, String channel, boolean enabledByDefault) {
        String prefix = "digest." + channel + ".";
        return new Delivery(r.bool(prefix + "enabled", enabledByDefault), r.positiveInt(prefix + "max-attempts", 5),
                r.duration(prefix + "backoff", "2s"));
    }

    private static Mail readMail(Reader r) {
        Delivery delivery = delivery(r, "mail", false);
        String security = r.oneOf("digest.mail.security", "none", Set.of("none", "starttls", "ssl"));
        int port = r.port("digest.mail.port", security.equals("ssl") ? 465 : security.equals("starttls") ? 587 : 25);
        if (port == 0) {
            throw new ConfigException("digest.mail.port", "'0' is not a port number (1-65535)");
        }
        String from = r.text("digest.mail.from", "");
        List<String> to = java.util.Arrays.stream(r.text("digest.mail.to", "").split(",")).map(String::trim)
                .filter(a -> !a.isEmpty()).toList();
        if (delivery.enabled()) {
            if (!from.matches("[^@\\s]+@[^@\\s]+")) {
                throw new ConfigException("digest.mail.from", "'" + from + "' is not an e-mail address");
            }
            if (to.isEmpty() || !to.stream().allMatch(a -> a.matches("[^@\\s]+@[^@\\s]+"))) {
                throw new ConfigException("digest.mail.to", "'" + String.join(",", to) + "' is not a comma-separated list of e-mail addresses");
            }
        }
        return new Mail(delivery, r.text("digest.mail.host", "localhost"), port, security,
                emptyToNull(r.text("digest.mail.username", "")), emptyToNull(r.text("digest.mail.password", "")),
                from, to, r.raw("digest.mail.subject-prefix"));
    }

    private static Webhook readWebhook(Reader r) {
        Delivery delivery = delivery(r, "webhook", false);
        String url = r.text("digest.webhook.url", "");
        if (delivery.enabled() && !url.matches("(?i)https?://.+")) {
            throw new ConfigException("digest.webhook.url", "webhook is enabled but '" + url + "' is not an http(s) URL");
        }
        return new Webhook(delivery, url, emptyToNull(r.text("digest.webhook.secret", "")), r.duration("digest.webhook.timeout", "10s"));
    }

    private Provider readProvider(Reader r, String configuredKey, Function<String, String> env) {
        String value = r.text("digest.llm.provider", "").trim().toLowerCase(Locale.ROOT);
        if (value.isEmpty()) {
            // no provider named: use an OpenAI-compatible server when one is configured, otherwise run offline
            boolean configured = llmBaseUrl != null || configuredKey != null || emptyToNull(env.apply("OPENAI_API_KEY")) != null;
            return configured ? Provider.OPENAI : Provider.OFFLINE;
        }
        try {
            return Provider.valueOf(value.toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new ConfigException("digest.llm.provider", "unknown provider '" + value + "'; use openai, ollama, anthropic or offline");
        }
    }

    private static String defaultModel(Provider provider) {
        return switch (provider) {
            case OPENAI -> "gpt-4o-mini";
            case OLLAMA -> "llama3.1";
            case ANTHROPIC -> "claude-sonnet-4-5";
            case OFFLINE -> "offline";
        };
    }

    private static String emptyToNull(String s) {
        return s == null || s.isBlank() ? null : s.trim();
    }

    public List<FeedConfig> feeds() { return feeds; }
    public Duration pollInterval() { return pollInterval; }
    public String closeCron() { return closeCron; }
    public ZoneId timezone() { return timezone; }
    public String language() { return language; }
    public Duration maxItemAge() { return maxItemAge; }
    public Path stateDir() { return stateDir; }
    public Path outputDir() { return outputDir; }
    public Duration lease() { return lease; }
    public int concurrency() { return concurrency; }
    public Provider provider() { return provider; }
    public boolean isOffline() { return provider == Provider.OFFLINE; }
    public Optional<String> llmBaseUrl() { return Optional.ofNullable(llmBaseUrl); }
    public String llmModel() { return llmModel; }
    /** The model key; never logged. */
    public Optional<String> llmApiKey() { return Optional.ofNullable(llmApiKey); }
    public Duration llmTimeout() { return llmTimeout; }
    public int llmMaxInputChars() { return llmMaxInputChars; }
    public int llmRetries() { return llmRetries; }
    public Duration llmRetryDelay() { return llmRetryDelay; }
    public int llmMaxConcurrent() { return llmMaxConcurrent; }
    public Duration llmItemTimeout() { return llmItemTimeout; }
    public Path llmCacheDir() { return llmCacheDir; }
    /** Model requests started per minute; {@link Integer#MAX_VALUE} when unlimited. */
    public int llmRequestsPerMinute() { return llmRequestsPerMinute; }
    /** Tokens (input and output) the model may spend per day; {@link Long#MAX_VALUE} when there is no budget. */
    public long llmDailyTokenBudget() { return llmDailyTokenBudget; }
    public Duration fetchTimeout() { return fetchTimeout; }
    public int fetchMaxPerHost() { return fetchMaxPerHost; }
    /** How long de-duplication entries, cached answers, delivered dead letters and published days are kept. */
    public Duration retention() { return retention; }
    /** The port of the health and metrics endpoints in continuous mode. */
    public int httpPort() { return httpPort; }
    public long fetchMaxBytes() { return fetchMaxBytes; }
    public String userAgent() { return userAgent; }
    public boolean allowPrivateAddresses() { return allowPrivateAddresses; }
    public Optional<URI> proxy() { return Optional.ofNullable(proxy); }
    public Set<String> iocIgnoreDomains() { return iocIgnoreDomains; }
    public Delivery file() { return file; }
    public Mail mail() { return mail; }
    public Webhook webhook() { return webhook; }

    /** The delivery settings of a channel: file, mail or webhook. */
    public Delivery delivery(String channel) {
        return switch (channel) {
            case "file" -> file;
            case "mail" -> mail.delivery();
            case "webhook" -> webhook.delivery();
            default -> throw new IllegalArgumentException("unknown channel " + channel);
        };
    }

    /** The enabled channels, in delivery order. */
    public List<String> channels() {
        List<String> channels = new ArrayList<>();
        if (file.enabled()) {
            channels.add("file");
        }
        if (mail.delivery().enabled()) {
            channels.add("mail");
        }
        if (webhook.delivery().enabled()) {
            channels.add("webhook");
        }
        return channels;
    }

    /** The camel-mail endpoint (no credentials in it: they are set on the component). */
    public String mailEndpoint() {
        return (mail.security().equals("ssl") ? "smtps" : "smtp") + "://" + mail.host() + ":" + mail.port();
    }

    /** Typed reads with defaults, each failing with the key it read. */
    private record Reader(Function<String, String> lookup) {
        String text(String key, String fallback) {
            String v = lookup.apply(key);
            return v == null || v.isBlank() ? fallback : v.trim();
        }

        /** The value as written, spaces kept (a subject prefix may end in one); empty when unset. */
        String raw(String key) {
            String v = lookup.apply(key);
            return v == null ? "" : v;
        }

        Duration duration(String key, String fallback) {
            return Durations.parse(key, text(key, fallback));
        }

        int positiveInt(String key, int fallback) {
            String v = text(key, Integer.toString(fallback));
            try {
                int n = Integer.parseInt(v);
                if (n > 0) {
                    return n;
                }
            } catch (NumberFormatException e) {
                // reported below
            }
            throw new ConfigException(key, "'" + v + "' is not a positive whole number"
                    + (key.endsWith("-delay") ? " of milliseconds" : ""));
        }

        /** A positive whole number up to {@code unset}, or {@code unset} when the key is empty (no limit). */
        long optionalPositive(String key, long unset) {
            String v = text(key, "");
            if (v.isEmpty()) {
                return unset;
            }
            if (!v.matches("\\d{1,18}") || Long.parseLong(v) == 0 || Long.parseLong(v) > unset) {
                throw new ConfigException(key, "'" + v + "' is not a positive whole number (leave it empty for no limit)");
            }
            return Long.parseLong(v);
        }

        /** A TCP port; 0 asks for any free one. */
        int port(String key, int fallback) {
            String v = text(key, Integer.toString(fallback));
            if (!v.matches("\\d{1,5}") || Integer.parseInt(v) > 65535) {
                throw new ConfigException(key, "'" + v + "' is not a port number (0-65535, 0 for any free port)");
            }
            return Integer.parseInt(v);
        }

        int nonNegativeInt(String key, int fallback) {
            String v = text(key, Integer.toString(fallback));
            if (!v.matches("\\d{1,9}")) {
                throw new ConfigException(key, "'" + v + "' is not a whole number of 0 or more");
            }
            return Integer.parseInt(v);
        }

        boolean bool(String key, boolean fallback) {
            String v = text(key, Boolean.toString(fallback)).toLowerCase(Locale.ROOT);
            if (!v.equals("true") && !v.equals("false")) {
                throw new ConfigException(key, "'" + v + "' is neither true nor false");
            }
            return Boolean.parseBoolean(v);
        }

        String oneOf(String key, String fallback, Set<String> allowed) {
            String v = text(key, fallback).toLowerCase(Locale.ROOT);
            if (!allowed.contains(v)) {
                throw new ConfigException(key, "'" + v + "' is not one of " + String.join(", ", new java.util.TreeSet<>(allowed)));
            }
            return v;
        }

        ZoneId zone(String key, String fallback) {
            String v = text(key, fallback);
            try {
                return ZoneId.of(v);
            } catch (DateTimeException e) {
                throw new ConfigException(key, "'" + v + "' is not a time zone such as Asia/Tokyo or UTC");
            }
        }

        String cron(String key, String fallback) {
            String v = text(key, fallback);
            int fields = v.split("\\s+").length;
            if (fields < 6 || fields > 7 || !CronExpression.isValidExpression(v)) {
                throw new ConfigException(key, "'" + v + "' is not a Quartz cron expression (6 or 7 fields, e.g. 0 0 7 * * ?)");
            }
            return v;
        }

        /** A folder: it may not exist yet, but it may not be a file. */
        Path folder(String key, String fallback) {
            String v = text(key, fallback);
            Path path;
            try {
                path = Path.of(v);
            } catch (java.nio.file.InvalidPathException e) {
                throw new ConfigException(key, "'" + v + "' is not a path");
            }
            if (java.nio.file.Files.exists(path) && !java.nio.file.Files.isDirectory(path)) {
                throw new ConfigException(key, "'" + v + "' is a file, not a folder");
            }
            return path;
        }

        /** An absolute http(s) URL, or null when the key is empty. */
        String absoluteHttpUrl(String key) {
            String v = text(key, "");
            if (v.isEmpty()) {
                return null;
            }
            try {
                URI uri = new URI(v);
                if (uri.getScheme() != null && uri.getScheme().matches("(?i)https?") && uri.getHost() != null) {
                    return v;
                }
            } catch (java.net.URISyntaxException e) {
                // reported below
            }
            throw new ConfigException(key, "'" + v + "' is not an absolute http(s) URL such as http://localhost:11434/v1");
        }

        URI httpUri(String key) {
            String v = text(key, "");
            if (v.isBlank()) {
                return null;
            }
            try {
                URI uri = URI.create(v);
                if (uri.getHost() == null || uri.getPort() < 0 || !"http".equalsIgnoreCase(uri.getScheme())) {
                    throw new IllegalArgumentException();
                }
                return uri;
            } catch (IllegalArgumentException e) {
                throw new ConfigException(key, "'" + v + "' is not of the form http://host:port");
            }
        }
    }
}
