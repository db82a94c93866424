package dev.newsdigest.config;

import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Function;

/**
 * Every {@code digest.*} setting, read once and validated, in one record per concern: feeds, model, fetch, delivery
 * channels, limits. A bad value raises a {@link ConfigException} naming the key ({@link SettingsReader}), which the
 * command line turns into one line and exit code 2. The accessors below are the ones the beans and routes use.
 */
public final class Settings {
    /** The keys that hold secrets, each with the one environment variable it is read from. */
    public static final Map<String, String> SECRET_KEYS = Map.of(
            "digest.llm.api-key", "DIGEST_LLM_API_KEY",
            "digest.mail.password", "DIGEST_MAIL_PASSWORD",
            "digest.webhook.secret", "DIGEST_WEBHOOK_SECRET",
            "digest.db.password", "DIGEST_DB_PASSWORD",
            "digest.cve.nvd.api-key", "DIGEST_CVE_NVD_API_KEY",
            "digest.tickets.token", "DIGEST_TICKETS_TOKEN",
            "digest.taxii.password", "DIGEST_TAXII_PASSWORD",
            "digest.taxii.token", "DIGEST_TAXII_TOKEN");

    private final FeedSettings feeds;
    private final ModelSettings model;
    private final FetchSettings fetch;
    private final ChannelSettings channels;
    private final LimitSettings limits;
    private final String closeCron;
    private final ZoneId timezone;
    private final String language;
    private final Path stateDir;
    private final DatabaseSettings database;
    private final Path outputDir;
    private final int httpPort;
    private final Set<String> iocIgnoreDomains;
    private final Tlp tlp;
    private final CveSettings cve;
    private final List<String> watchlist;
    private final Duration storiesWindow;
    private final IntelSettings intel;
    private final int atomEntries;
    private final boolean site;
    private final String siteUrl;
    private final java.time.Duration siteRetention;
    private final int newsMaxFull;
    private final ChatSettings chat;

    private Settings(SettingsReader r, Function<String, String> env) {
        this.feeds = FeedSettings.read(r);
        this.closeCron = r.cron("digest.close.cron");
        this.timezone = r.zone("digest.timezone");
        this.language = r.oneOf("digest.language", Set.of("ja", "en"));
        this.stateDir = r.folder("digest.state.dir");
        this.database = DatabaseSettings.read(r);
        this.outputDir = r.folder("digest.output.dir");
        this.model = ModelSettings.read(r, env, stateDir);
        this.fetch = FetchSettings.read(r);
        this.limits = LimitSettings.read(r);
        this.httpPort = r.port("digest.http.port");
        this.iocIgnoreDomains = r.domains("digest.iocs.ignore-domains");
        this.channels = ChannelSettings.read(r);
        this.tlp = r.tlp("digest.tlp");
        this.cve = CveSettings.read(r);
        this.watchlist = r.list("digest.watchlist");
        this.storiesWindow = r.duration("digest.stories.window");
        this.newsMaxFull = r.text("digest.news.max-full").isEmpty() ? 0 : r.nonNegativeInt("digest.news.max-full");
        this.intel = IntelSettings.read(r, tlp);
        this.atomEntries = r.nonNegativeInt("digest.atom.entries");
        this.site = r.bool("digest.site.enabled");
        String url = r.absoluteHttpUrl("digest.site.url");
        this.siteUrl = url == null ? "" : url.replaceAll("/+$", "");
        this.siteRetention = r.duration("digest.site.retention");
        this.chat = ChatSettings.read(r, env);
        if (intel.taxii() && intel.port() == httpPort) {
            // two servers on one port: with 0 both would register one router, and the TAXII route would land on the other
            throw new ConfigException("digest.taxii.port", "the TAXII server needs a port of its own, not digest.http.port (" + httpPort
                    + "): give one of them another port");
        }
        if (tlp == Tlp.RED && !r.bool("digest.tlp.allow-external")) {
            if (channels.webhook().delivery().enabled()) {
                throw new ConfigException("digest.tlp", "TLP:RED is for its named recipients only, and the webhook channel sends the digest "
                        + "to another system: set digest.webhook.enabled=false, or digest.tlp.allow-external=true if that system is one of them");
            }
            if (channels.tickets().delivery().enabled()) {
                throw new ConfigException("digest.tlp", "TLP:RED is for its named recipients only, and the ticket channel copies it into "
                        + "another system: set digest.tickets.mode=off, or digest.tlp.allow-external=true if that system is one of them");
            }
            if (!chat.channels().isEmpty()) {
                throw new ConfigException("digest.tlp", "TLP:RED is for its named recipients only, and the chat channels post it to a "
                        + "chat service: set digest.chat.channels= (none), or digest.tlp.allow-external=true if everyone there is one of them");
            }
        }
    }

    /**
     * Reads and validates the settings; {@code lookup} answers a property or null (then the shipped default applies),
     * {@code env} an environment variable.
     */
    public static Settings from(Function<String, String> lookup, Function<String, String> env) {
        return new Settings(new SettingsReader(lookup), env);
    }

    /**
     * Refuses a secret written in a properties file or given as {@code -D}: secrets come from the environment only, where
     * they are neither committed nor shown by {@code ps}. {@code files} answers a key from the properties files alone.
     */
    public static void refuseSecretsOutsideTheEnvironment(Function<String, String> files) {
        for (Map.Entry<String, String> secret : new TreeMap<>(SECRET_KEYS).entrySet()) {
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
        // a chat channel's URL is its secret: digest.chat.<name>.url, for every name a file or -D lists
        java.util.Set<String> names = new java.util.TreeSet<>();
        for (String listed : new String[] {files.apply("digest.chat.channels"), System.getProperty("digest.chat.channels")}) {
            if (listed != null) {
                for (String name : listed.split(",")) {
                    if (!name.isBlank()) {
                        names.add(name.trim());
                    }
                }
            }
        }
        for (String name : names) {
            String key = ChatSettings.urlKey(name);
            String inFile = files.apply(key);
            String property = System.getProperty(key);
            if ((inFile != null && !inFile.isBlank()) || (property != null && !property.isBlank())) {
                throw new ConfigException(key, "secrets are read from the environment only: a chat channel's URL is its secret; remove it "
                        + "and set " + ChatSettings.urlVariable(name));
            }
        }
    }

    public ChannelSettings channelSettings() { return channels; }

    public List<FeedConfig> feeds() { return feeds.feeds(); }
    public Set<String> feedHosts() { return feeds.hosts(); }
    public Duration pollInterval() { return feeds.pollInterval(); }
    public Duration maxItemAge() { return feeds.maxItemAge(); }
    /** {@code digest.feed.max-new-per-poll}: the most waiting entries of one feed a poll takes on, newest first. */
    public int maxNewPerPoll() { return feeds.maxNewPerPoll(); }
    public String closeCron() { return closeCron; }
    public ZoneId timezone() { return timezone; }
    public String language() { return language; }
    public Path stateDir() { return stateDir; }
    public DatabaseSettings database() { return database; }
    public Path outputDir() { return outputDir; }
    public int httpPort() { return httpPort; }
    public Set<String> iocIgnoreDomains() { return iocIgnoreDomains; }
    /** The TLP marking of every digest ({@code digest.tlp}), or null: none. */
    public Tlp tlp() { return tlp; }
    /** Where CVE context comes from ({@code digest.cve.*}). */
    public CveSettings cve() { return cve; }
    /** {@code digest.watchlist}: the vendors, products and CPE 2.3 names that concern us, as written. */
    public List<String> watchlist() { return watchlist; }
    /** {@code digest.stories.window}: how far back a story is followed up rather than told anew. */
    public Duration storiesWindow() { return storiesWindow; }

    /** {@code digest.news.max-full}: the news items shown in full in the Markdown, the rest one line each; 0: all. */
    public int newsMaxFull() { return newsMaxFull; }

    public IntelSettings intel() { return intel; }
    /** NVD requests allowed in one {@code digest.cve.nvd.window}: what the route's throttle lets through. */
    public int nvdRequestsPerWindow() { return cve.nvdRequests(); }

    public ModelSettings.Provider provider() { return model.provider(); }
    public boolean isOffline() { return model.provider() == ModelSettings.Provider.OFFLINE; }
    public Optional<String> llmBaseUrl() { return model.baseUrl(); }
    public String llmModel() { return model.model(); }
    public Optional<String> llmApiKey() { return model.apiKey(); }
    public Duration llmTimeout() { return model.timeout(); }
    public long llmMaxBytes() { return model.maxBytes(); }
    public int llmMaxInputChars() { return model.maxInputChars(); }
    public int llmRetries() { return model.retries(); }
    public Duration llmRetryDelay() { return model.retryDelay(); }
    public Path llmCacheDir() { return model.cacheDir(); }
    /** {@code digest.llm.context}: the readers' environment for the model's advice, cleaned; empty: none. */
    public String llmContext() { return model.context(); }

    public int concurrency() { return limits.concurrency(); }
    public Duration lease() { return limits.lease(); }
    public Duration retention() { return limits.retention(); }
    public int llmMaxConcurrent() { return limits.llmMaxConcurrent(); }
    public int llmRequestsPerMinute() { return limits.llmRequestsPerMinute(); }
    public long llmDailyTokenBudget() { return limits.llmDailyTokenBudget(); }
    public Duration llmItemTimeout() { return limits.llmItemTimeout(); }

    public Duration fetchTimeout() { return fetch.timeout(); }
    public long fetchMaxBytes() { return fetch.maxBytes(); }
    public String userAgent() { return fetch.userAgent(); }
    public boolean allowPrivateAddresses() { return fetch.allowPrivateAddresses(); }
    public Optional<URI> proxy() { return fetch.proxy(); }
    public int fetchMaxPerHost() { return fetch.maxPerHost(); }

    public ChannelSettings.Mail mail() { return channels.mail(); }
    public ChannelSettings.Webhook webhook() { return channels.webhook(); }
    /** The enabled delivery channels, in delivery order. */
    public List<Channel> channels() { return channels.enabled(); }
    /** {@code digest.chat.*}: the chat channels, each its own delivery {@code chat-<name>}. */
    public ChatSettings chat() { return chat; }

    /** The ids of every enabled delivery, in delivery order: the channels', then each chat channel's ({@code chat-<name>}). */
    public List<String> deliveryIds() {
        List<String> ids = new java.util.ArrayList<>(channels.enabled().stream().map(Channel::id).toList());
        ids.addAll(chat.ids());
        return List.copyOf(ids);
    }

    /** The retry settings of a delivery id: its channel's, or the chat channels' for {@code chat-<name>}. */
    public ChannelSettings.Delivery delivery(String deliveryId) {
        if (deliveryId.startsWith(ChatSettings.ID_PREFIX)) {
            return chat.delivery();
        }
        return channels.delivery(Channel.of(deliveryId).orElseThrow(() -> new IllegalArgumentException("no channel " + deliveryId)));
    }
    /** {@code digest.atom.entries}: the days the file channel's {@code feed.atom} carries, newest first; 0: no feed. */
    public int atomEntries() { return atomEntries; }

    /** {@code digest.site.enabled}: whether the file channel writes the archive site under {@code site/}. */
    public boolean site() { return site; }

    /** {@code digest.site.url}: where the archive site is served, without a final {@code /}; empty: not said. */
    public String siteUrl() { return siteUrl; }

    /**
     * How long each day's latest published revision stays in the state for the archive site: {@code digest.site.retention}
     * with the site on (when longer than {@code digest.retention}), else {@code digest.retention}.
     */
    public java.time.Duration archiveRetention() { return site && siteRetention.compareTo(retention()) > 0 ? siteRetention : retention(); }
    /** The camel-mail endpoint the mail route sends to. */
    public String mailEndpoint() { return channels.mail().endpoint(); }
}
