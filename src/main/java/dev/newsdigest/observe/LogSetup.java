package dev.newsdigest.observe;

import java.util.HashMap;
import java.util.Map;
import java.util.function.Supplier;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.encoder.PatternLayoutEncoder;
import ch.qos.logback.classic.spi.Configurator;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.ConsoleAppender;
import ch.qos.logback.core.CoreConstants;
import ch.qos.logback.core.pattern.DynamicConverter;
import ch.qos.logback.core.spi.ContextAwareBase;

/**
 * The logging of the jar, set up in code (found by logback through {@code META-INF/services}): one line per event on
 * standard error, {@code %msg} with control characters escaped ({@link EscapedMessageConverter}), the pipeline's lines
 * at INFO, Camel's at WARN except its one start and one stop line. Set up in code rather than from a logback.xml because
 * reading XML costs a short run about 0.2 s. A logback.xml or logback-test.xml on the class path, or
 * {@code -Dlogback.configurationFile}, takes over as usual.
 */
public class LogSetup extends ContextAwareBase implements Configurator {
    public static final String LEVEL_PREFIX = "logging.level.";
    static final String PATTERN = "%d{HH:mm:ss.SSS} %-5level [%thread] %logger{0} - %msg%n";

    @Override
    public ExecutionStatus configure(LoggerContext context) {
        if (System.getProperty("logback.configurationFile") != null || resource("logback-test.xml") || resource("logback.xml")) {
            return ExecutionStatus.INVOKE_NEXT_IF_ANY;
        }
        escapeMessages(context);
        PatternLayoutEncoder encoder = new PatternLayoutEncoder();
        encoder.setContext(context);
        encoder.setPattern(PATTERN);
        encoder.start();
        ConsoleAppender<ILoggingEvent> stderr = new ConsoleAppender<>();
        stderr.setContext(context);
        stderr.setName("STDERR");
        stderr.setTarget("System.err");
        stderr.setEncoder(encoder);
        stderr.start();
        Logger root = context.getLogger(Logger.ROOT_LOGGER_NAME);
        root.setLevel(Level.INFO);
        root.addAppender(stderr);
        // Camel's own start-up, configuration and route lines: with --verbose, or logging.level.org.apache.camel=INFO
        context.getLogger("org.apache.camel").setLevel(Level.WARN);
        // one line when Camel has started (camel.main.startup-summary-level=Oneline) and when it has shut down
        context.getLogger("org.apache.camel.impl.engine.AbstractCamelContext").setLevel(Level.INFO);
        context.getLogger("org.quartz").setLevel(Level.WARN);
        context.getLogger("org.apache.hc").setLevel(Level.WARN);
        context.getLogger("com.rometools").setLevel(Level.WARN);
        context.getLogger("com.zaxxer.hikari").setLevel(Level.WARN);
        context.getLogger("org.flywaydb").setLevel(Level.WARN);
        return ExecutionStatus.DO_NOT_INVOKE_NEXT_IF_ANY;
    }

    /** Camel's own start-up, configuration and route lines too ({@code --verbose}). */
    public static void verbose() {
        ((LoggerContext) org.slf4j.LoggerFactory.getILoggerFactory()).getLogger("org.apache.camel").setLevel(Level.INFO);
    }

    /**
     * Sets each logger named by a {@code logging.level.<logger>=<LEVEL>} setting: {@code settings} from the properties
     * files and the environment, then JVM system properties.
     */
    public static void applyLevels(java.util.Properties settings) {
        LoggerContext context = (LoggerContext) org.slf4j.LoggerFactory.getILoggerFactory();
        java.util.Properties levels = new java.util.Properties();
        levels.putAll(settings);
        System.getProperties().stringPropertyNames().stream().filter(k -> k.startsWith(LEVEL_PREFIX))
                .forEach(k -> levels.setProperty(k, System.getProperty(k)));
        for (String key : levels.stringPropertyNames()) {
            if (key.startsWith(LEVEL_PREFIX)) {
                Logger logger = context.getLogger(key.substring(LEVEL_PREFIX.length()));
                logger.setLevel(Level.toLevel(levels.getProperty(key).trim(), logger.getLevel()));
            }
        }
    }

    /** {@code %msg} in any pattern of {@code context} escapes control characters: a feed cannot forge a log line. */
    @SuppressWarnings("unchecked")
    public static void escapeMessages(LoggerContext context) {
        Map<String, Supplier<DynamicConverter<?>>> rules =
                (Map<String, Supplier<DynamicConverter<?>>>) context.getObject(CoreConstants.PATTERN_RULE_REGISTRY_FOR_SUPPLIERS);
        if (rules == null) {
            rules = new HashMap<>();
            context.putObject(CoreConstants.PATTERN_RULE_REGISTRY_FOR_SUPPLIERS, rules);
        }
        rules.put("msg", EscapedMessageConverter::new);
    }

    private static boolean resource(String name) {
        return LogSetup.class.getClassLoader().getResource(name) != null;
    }
}
