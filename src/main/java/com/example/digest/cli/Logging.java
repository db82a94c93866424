package com.example.digest.cli;

import java.util.Properties;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import org.apache.camel.spi.PropertiesComponent;
import org.slf4j.LoggerFactory;

/**
 * How much is logged. By default the pipeline's own lines (feeds read, progress, days published, deliveries, warnings)
 * and Camel's warnings; {@code --verbose} adds Camel's start-up, configuration and route lines. Any
 * {@code logging.level.<logger>=<LEVEL>} setting (application.properties, {@code -D}, environment) sets that logger.
 */
final class Logging {
    private static final String PREFIX = "logging.level.";

    private Logging() {
    }

    static void configure(boolean verbose, PropertiesComponent properties) {
        LoggerContext context = (LoggerContext) LoggerFactory.getILoggerFactory();
        if (verbose) {
            context.getLogger("org.apache.camel").setLevel(Level.INFO);
        }
        Properties levels = properties.loadProperties(key -> key.startsWith(PREFIX));
        System.getProperties().stringPropertyNames().stream().filter(k -> k.startsWith(PREFIX))
                .forEach(k -> levels.setProperty(k, System.getProperty(k)));
        for (String key : levels.stringPropertyNames()) {
            Logger logger = context.getLogger(key.substring(PREFIX.length()));
            logger.setLevel(Level.toLevel(levels.getProperty(key).trim(), logger.getLevel()));
        }
    }
}
