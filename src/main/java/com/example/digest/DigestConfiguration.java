package com.example.digest;

import com.example.digest.config.ChannelSettings;
import java.time.Clock;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ExecutorService;

import com.example.digest.config.CveSettings;
import com.example.digest.config.Messages;
import com.example.digest.config.Redact;
import com.example.digest.config.Settings;
import com.example.digest.delivery.Deliveries;
import com.example.digest.delivery.DeliveryRetry;
import com.example.digest.delivery.MailComposer;
import com.example.digest.delivery.MailHtml;
import com.example.digest.delivery.WebhookSigner;
import com.example.digest.publish.ArticleSlots;
import com.example.digest.publish.Collector;
import com.example.digest.publish.DigestPublisher;
import com.example.digest.publish.DigestRenderer;
import com.example.digest.summarize.OverviewWriter;
import com.example.digest.fetch.AddressGuard;
import com.example.digest.fetch.HttpFetcher;
import com.example.digest.enrich.ArticleExtractor;
import com.example.digest.fetch.HostLimits;
import com.example.digest.enrich.PageEnricher;
import com.example.digest.enrich.PageFetcher;
import com.example.digest.feed.FeedParser;
import com.example.digest.feed.FeedReader;
import com.example.digest.observe.DigestMetrics;
import com.example.digest.observe.FeedHealthCheck;
import com.example.digest.observe.LogSetup;
import com.example.digest.observe.PublishHealthCheck;
import com.example.digest.observe.StatusChannel;
import com.example.digest.observe.StatusReport;
import com.example.digest.state.Retention;
import com.example.digest.state.StateStore;
import com.example.digest.state.TokenLedger;
import com.example.digest.summarize.ModelGate;
import io.micrometer.core.instrument.MeterRegistry;
import com.example.digest.summarize.AnswerCache;
import com.example.digest.summarize.IocExtractor;
import com.example.digest.summarize.ModelRetry;
import com.example.digest.summarize.ModelSummarizer;
import com.example.digest.summarize.OfflineSummarizer;
import com.example.digest.summarize.Prompts;
import dev.langchain4j.http.client.HttpClientBuilder;
import com.example.digest.cve.CveFetcher;
import com.example.digest.cve.CveLookups;
import com.example.digest.cve.NvdSync;
import com.example.digest.fetch.HttpCall;
import com.example.digest.fetch.InFlight;
import com.example.digest.fetch.Limits;
import com.example.digest.fetch.Outbound;
import com.example.digest.summarize.ModelHttp;
import dev.langchain4j.model.anthropic.AnthropicChatModel;
import dev.langchain4j.model.chat.Capability;
import dev.langchain4j.model.chat.ChatModel;
import dev.langchain4j.model.ollama.OllamaChatModel;
import dev.langchain4j.model.openai.OpenAiChatModel;
import org.apache.camel.CamelConfiguration;
import org.apache.camel.CamelContext;
import org.apache.camel.builder.ThreadPoolProfileBuilder;
import com.example.digest.cve.CveSources;
import com.example.digest.cve.Watchlist;
import com.example.digest.delivery.TicketTemplate;
import com.example.digest.delivery.Tickets;
import org.apache.camel.component.mail.MailComponent;
import org.apache.camel.component.mail.MailConfiguration;
import org.apache.camel.support.service.ServiceSupport;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Binds the beans the routes call, all built from one validated {@link Settings}. A configuration mistake
 * surfaces here as a {@link com.example.digest.config.ConfigException}.
 */
public class DigestConfiguration implements CamelConfiguration {
    private static final Logger LOG = LoggerFactory.getLogger(DigestConfiguration.class);

    @Override
    public void configure(CamelContext context) {
        // an Error (OutOfMemoryError...) a route would catch as a failure ends the process instead (FatalErrors)
        context.getCamelContextExtension().addInterceptStrategy(com.example.digest.cli.FatalErrors.interceptStrategy(System.err));
        LogSetup.applyLevels(context.getPropertiesComponent().loadProperties(key -> key.startsWith(LogSetup.LEVEL_PREFIX)));
        Settings settings = Settings.from(key -> context.getPropertiesComponent().resolveProperty(key).orElse(null), System::getenv);
        Clock clock = new RegistryClock(context, java.time.ZoneOffset.UTC);
        LOG.info("news-digest: {} feed(s), provider {}, model {}{}, state {}, output {}", settings.feeds().size(),
                settings.provider().name().toLowerCase(), settings.llmModel(),
                settings.llmBaseUrl().map(u -> " at " + Redact.queryValues(u)).orElse(""), settings.database(),
                settings.outputDir().toAbsolutePath());

        // connections: one per article in progress, and a few for polls, publishing, delivery and status
        StateStore store = new StateStore(settings.stateDir(), settings.database(), settings.concurrency() + 4, settings.timezone(),
                settings.lease(), clock);
        closeOnStop(context, store);
        // status beside this process: answered on a socket in the owner-only state folder, never through the database
        InFlight inFlight = new InFlight(clock);
        StatusChannel.open(settings.stateDir(), () -> StatusReport.render(settings, store, inFlight.list())).ifPresent(ch -> closeOnStop(context, ch));
        IocExtractor iocs = new IocExtractor(settings.iocIgnoreDomains());
        Prompts prompts = new Prompts(settings.language());
        DigestMetrics metrics = new DigestMetrics(meterRegistry(context));
        TokenLedger ledger = new TokenLedger(store);
        // on a shared database the model limits hold for the whole fleet; a slot a killed instance held frees after one item's time
        ModelGate gate = new ModelGate(settings.llmMaxConcurrent(), settings.llmRequestsPerMinute(), settings.llmDailyTokenBudget(),
                settings.llmItemTimeout(), ledger, store::today, metrics,
                store.fleetLimits(settings.llmMaxConcurrent(), settings.llmRequestsPerMinute(), settings.llmItemTimeout()));

        bind(context, "settings", settings);
        // health checks in the registry are picked up by Camel's health-check registry (/observe/health)
        settings.feeds().forEach(feed -> bind(context, "feedHealth-" + feed.id(), new FeedHealthCheck(feed.id(), store)));
        bind(context, "publishHealth", new PublishHealthCheck(store));
        bind(context, "stateStore", store);
        AddressGuard guard = addressGuard(context, settings);
        // the one way out: every request goes through a client made here, with the limits of its kind (see Outbound)
        Outbound outbound = new Outbound(guard, settings.userAgent(), settings.proxy(), inFlight);
        closeOnStop(context, outbound);
        abortRequestsOnStop(context, outbound.inFlight());
        bind(context, "inFlight", outbound.inFlight());
        // feed hosts are the operator's choice and trusted (a redirect away from them is not); page hosts never are
        HttpFetcher feedHttp = outbound.client(new Limits("feed", settings.fetchTimeout(), settings.fetchMaxBytes(), settings.feedHosts(), "digest.fetch"));
        HttpFetcher pageHttp = outbound.client(new Limits("page", settings.fetchTimeout(), settings.fetchMaxBytes(), Set.of(), "digest.fetch"));
        bind(context, "feedReader", new FeedReader(settings, new FeedParser(settings.maxItemAge(), clock), store, metrics, feedHttp));
        bind(context, "pageEnricher", new PageEnricher(
                new PageFetcher(pageHttp, new HostLimits(settings.fetchMaxPerHost(), settings.fetchTimeout(), settings.pollInterval())),
                new ArticleExtractor()));
        ChatModel chatModel = chatModel(settings, outbound); // through the outbound client for the model
        bind(context, "modelGate", gate);
        bind(context, "offlineSummarizer", new OfflineSummarizer(iocs, Messages.of(settings.language())));
        AnswerCache answers = new AnswerCache(settings.llmCacheDir(), settings.provider().name(), settings.llmModel(), prompts.version());
        // Every model call of the digest (articles and the overview) needs the strict JSON schema, the token usage and the
        // answer cache, which only the ChatModel bean gives: they go through it, behind the ModelGate. camel-langchain4j-chat
        // stays on the classpath for a plain chat call in a user's own route: langchain4j-chat:x?chatModel=#chatModel.
        bind(context, "modelSummarizer", new ModelSummarizer(chatModel, settings.llmModel(), prompts,
                settings.llmMaxInputChars(), iocs, gate, answers));
        bind(context, "modelRetry", new ModelRetry(settings));
        bind(context, "collector", new Collector(store, metrics, settings.maxNewPerPoll()));
        bind(context, "articleSlots", new ArticleSlots(settings.concurrency()));
        bind(context, "digestPublisher", new DigestPublisher(store, ledger, settings, Watchlist.of(settings.watchlist()), clock));
        bind(context, "digestRenderer", new DigestRenderer());
        bind(context, "overviewWriter", new OverviewWriter(chatModel, prompts, gate, answers));
        if (chatModel != null) {
            bind(context, "chatModel", chatModel);
        }
        Deliveries deliveries = new Deliveries(store, settings.stateDir(), metrics);
        bind(context, "deliveries", deliveries);
        bind(context, "retention", new Retention(store, settings.retention(),
                List.of(settings.llmCacheDir(), Deliveries.deliveredDeadLetters(settings.stateDir())), clock));
        bind(context, "deliveryRetry", new DeliveryRetry(settings, metrics));
        bind(context, "mailComposer", new MailComposer(settings.mail(), new MailHtml()));
        bind(context, "webhookSigner", new WebhookSigner(settings.webhook().secret()));
        ChannelSettings.Webhook webhook = settings.webhook();
        bind(context, "webhookHttp", new HttpCall(outbound.client(new Limits("webhook", webhook.timeout(), webhook.maxBytes(),
                Limits.hostOf(webhook.url()), "digest.webhook")), true));
        CveSources cveSources = new CveSources(settings.cve(), store.cveSources(), clock, Messages.of(settings.language()));
        bind(context, "cveSources", cveSources);
        CveSettings cve = settings.cve();
        CveFetcher cveFetcher = new CveFetcher(cveSources, outbound.client(new Limits("cve", cve.timeout(), cve.maxBytes(), cve.hosts(), "digest.cve")),
                outbound.client(new Limits("nvd-sync", cve.nvdSync().timeout(), cve.nvdSync().maxBytes(), Limits.hostOf(cve.nvd().url()),
                        "digest.cve.nvd.sync")), cve);
        bind(context, "cveFetcher", cveFetcher);
        bind(context, "cveLookups", new CveLookups(cveSources, cveFetcher, new NvdSync(cveFetcher, store.cveSources(), cve, clock), cve,
                context.getExecutorServiceManager().newSingleThreadExecutor(this, "cve-lookups")));
        ChannelSettings.Tickets tickets = settings.channelSettings().tickets();
        // bound in every run, for the routes to start; its requests are read only when the channel is on (and used only then)
        TicketTemplate requests = !tickets.delivery().enabled() ? null
                : tickets.preset().equals("template") ? TicketTemplate.file(tickets.template()) : TicketTemplate.preset(tickets.preset());
        bind(context, "tickets", new Tickets(tickets, requests, store, deliveries, settings.stateDir()));
        bind(context, "ticketsHttp", new HttpCall(outbound.client(new Limits("tickets", tickets.timeout(), tickets.maxBytes(),
                Limits.hostOf(tickets.url()), "digest.tickets")), true));
        if (settings.mail().delivery().enabled()) {
            configureMail(context, settings.mail(), settings.fetchTimeout());
        }
        // exactly digest.concurrency threads for every feed's articles, and a queue without a practical bound, so that a
        // big poll waits its turn instead of running on the feed's own thread (Camel's default profile caps the queue at
        // 1000 and then lets the caller run the task; a size of 0 or less would mean no queue at all)
        ExecutorService workers = context.getExecutorServiceManager().newThreadPool(this, "digest-worker",
                new ThreadPoolProfileBuilder("digest-worker").poolSize(settings.concurrency()).maxPoolSize(settings.concurrency())
                        .maxQueueSize(Integer.MAX_VALUE).build());
        bind(context, "digestWorkers", workers);
    }

    /**
     * The registry Camel's micrometer-prometheus serves on /observe/metrics (it binds one when metrics are on), else a
     * plain one in memory: nobody scrapes a run without metrics, and the pipeline's counters still count.
     */
    private static MeterRegistry meterRegistry(CamelContext context) {
        MeterRegistry registry = context.getRegistry().lookupByNameAndType("metricsRegistry", MeterRegistry.class);
        if (registry == null) {
            registry = new io.micrometer.core.instrument.simple.SimpleMeterRegistry();
            bind(context, "metricsRegistry", registry);
        }
        return registry;
    }

    private static void bind(CamelContext context, String name, Object bean) {
        context.getRegistry().bind(name, bean);
    }

    /**
     * At the start of a stop, every request under way is cut off and new ones are refused: a stop must not wait for a
     * server that drips (Camel's graceful shutdown would wait for the exchange to finish, up to its timeout).
     */
    private static void abortRequestsOnStop(CamelContext context, InFlight inFlight) {
        context.getManagementStrategy().addEventNotifier(new org.apache.camel.support.EventNotifierSupport() {
            @Override
            public void notify(org.apache.camel.spi.CamelEvent event) {
                if (event instanceof org.apache.camel.spi.CamelEvent.CamelContextStoppingEvent) {
                    inFlight.abortAll("the process is stopping");
                }
            }
        });
    }

    /** Credentials, STARTTLS and timeouts on the mail channel's smtp or smtps component, so that no secret sits in an endpoint URI. */
    private static void configureMail(CamelContext context, ChannelSettings.Mail mail, java.time.Duration timeout) {
        String scheme = mail.endpoint().substring(0, mail.endpoint().indexOf(':'));
        MailConfiguration cfg = context.getComponent(scheme, MailComponent.class).getConfiguration();
        if (mail.username() != null) {
            cfg.setUsername(mail.username());
            cfg.setPassword(mail.password());
        }
        cfg.setConnectionTimeout((int) timeout.toMillis());
        java.util.Properties props = new java.util.Properties();
        props.put("mail." + scheme + ".timeout", Long.toString(timeout.toMillis()));
        props.put("mail." + scheme + ".writetimeout", Long.toString(timeout.toMillis()));
        if (mail.security().equals("starttls")) {
            props.put("mail.smtp.starttls.enable", "true");
            props.put("mail.smtp.starttls.required", "true");
        }
        cfg.setAdditionalJavaMailProperties(props);
    }

    /** The model client for the configured provider, or null when running offline. LangChain4j never retries: the route does. */
    static ChatModel chatModel(Settings s, Outbound outbound) {
        if (s.isOffline()) {
            return null;
        }
        String base = s.llmBaseUrl().orElse(switch (s.provider()) {
            case OLLAMA -> "http://localhost:11434";
            case ANTHROPIC -> "https://api.anthropic.com/v1";
            default -> "https://api.openai.com/v1";
        });
        // the model server is the operator's choice, as a feed's host is: its address is not checked
        HttpClientBuilder http = ModelHttp.builder(outbound.client(new Limits("model", s.llmTimeout(), s.llmMaxBytes(), Limits.hostOf(base), "digest.llm")));
        return switch (s.provider()) {
            case OFFLINE -> null;
            case OPENAI -> OpenAiChatModel.builder()
                    .httpClientBuilder(http)
                    .baseUrl(base)
                    .apiKey(s.llmApiKey().orElse("no-key"))
                    .modelName(s.llmModel())
                    .timeout(s.llmTimeout())
                    .maxRetries(0)
                    .strictJsonSchema(true)
                    .supportedCapabilities(Capability.RESPONSE_FORMAT_JSON_SCHEMA)
                    .build();
            case OLLAMA -> OllamaChatModel.builder()
                    .httpClientBuilder(http)
                    .baseUrl(base)
                    .modelName(s.llmModel())
                    .timeout(s.llmTimeout())
                    .maxRetries(0)
                    .supportedCapabilities(Capability.RESPONSE_FORMAT_JSON_SCHEMA)
                    .build();
            case ANTHROPIC -> {
                AnthropicChatModel.AnthropicChatModelBuilder b = AnthropicChatModel.builder()
                        .httpClientBuilder(http)
                        .apiKey(s.llmApiKey().orElseThrow())
                        .modelName(s.llmModel())
                        .timeout(s.llmTimeout())
                        .maxTokens(4096)
                        // LangChain4j 1.10 sends the schema as output_format, which Anthropic serves under this beta
                        .beta("structured-outputs-2025-11-13")
                        .maxRetries(0)
                            .supportedCapabilities(Capability.RESPONSE_FORMAT_JSON_SCHEMA);
                s.llmBaseUrl().ifPresent(b::baseUrl);
                yield b.build();
            }
        };
    }

    /**
     * The address guard; a test may bind its own decision of which addresses are internal as {@code addressPolicy}
     * (a {@code Predicate<InetAddress>}), to mark a second loopback address as inside. Nothing else binds it.
     */
    @SuppressWarnings("unchecked")
    private static AddressGuard addressGuard(CamelContext context, Settings settings) {
        // looked up when an address is judged: a test binds it after this configuration has run
        return new AddressGuard(settings.allowPrivateAddresses(), address -> {
            Object policy = context.getRegistry().lookupByName("addressPolicy");
            return policy instanceof java.util.function.Predicate<?> p
                    ? ((java.util.function.Predicate<java.net.InetAddress>) p).test(address)
                    : AddressGuard.isInternal(address);
        });
    }

    /**
     * The system clock, unless a test binds its own as {@code clock} (to publish a later day without waiting a day).
     * Looked up at each reading: a test binds it after this configuration has run. Nothing else binds it.
     */
    private static final class RegistryClock extends Clock {
        private final CamelContext context;
        private final java.time.ZoneId zone;

        RegistryClock(CamelContext context, java.time.ZoneId zone) {
            this.context = context;
            this.zone = zone;
        }

        @Override
        public java.time.ZoneId getZone() {
            return zone;
        }

        @Override
        public Clock withZone(java.time.ZoneId other) {
            return new RegistryClock(context, other);
        }

        @Override
        public java.time.Instant instant() {
            Clock bound = context.getRegistry().lookupByNameAndType("clock", Clock.class);
            return bound != null ? bound.instant() : java.time.Instant.now();
        }
    }

    private static void closeOnStop(CamelContext context, AutoCloseable store) {
        try {
            context.addService(new ServiceSupport() {
                @Override
                protected void doStop() throws Exception {
                    store.close();
                }
            }, true, true);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
