package dev.newsdigest.config;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.time.DateTimeException;
import java.time.Duration;
import java.time.ZoneId;
import java.util.Arrays;
import java.util.Locale;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.quartz.CronExpression;

/**
 * Typed reads of {@code digest.*} settings, each failing with a {@link ConfigException} that names the key: one line
 * for the user. A key nobody set takes its default from the {@code application.properties} in the jar, the one place
 * defaults are written; a default that depends on another setting (the model per provider, the mail port per security)
 * is derived in code from an empty value.
 */
public final class SettingsReader {
    private static final Properties DEFAULTS = defaults();

    private final Function<String, String> lookup;

    public SettingsReader(Function<String, String> lookup) {
        this.lookup = lookup;
    }

    private static Properties defaults() {
        Properties defaults = new Properties();
        try (InputStream in = SettingsReader.class.getResourceAsStream("/application.properties")) {
            if (in != null) {
                defaults.load(new InputStreamReader(in, StandardCharsets.UTF_8));
            }
        } catch (IOException e) {
            throw new UncheckedIOException("the application.properties in the jar cannot be read", e);
        }
        return defaults;
    }

    /** The value as written (spaces kept: a subject prefix may end in one), else the shipped default, else empty. */
    public String raw(String key) {
        String v = lookup.apply(key);
        if (v == null) {
            v = DEFAULTS.getProperty(key);
        }
        return v == null ? "" : v;
    }

    /** The value trimmed; empty when unset. */
    public String text(String key) {
        return raw(key).trim();
    }

    /** The trimmed value, or null when it is empty. */
    public String optional(String key) {
        String v = text(key);
        return v.isEmpty() ? null : v;
    }

    public Duration duration(String key) {
        return Durations.parse(key, text(key));
    }

    public int positiveInt(String key) {
        String v = text(key);
        if (v.matches("\\d{1,10}") && Long.parseLong(v) > 0 && Long.parseLong(v) <= Integer.MAX_VALUE) {
            return Integer.parseInt(v);
        }
        throw new ConfigException(key, "'" + v + "' is not a positive whole number" + (key.endsWith("-delay") ? " of milliseconds" : ""));
    }

    /** A positive whole number up to {@code unset}, or {@code unset} when the key is empty (no limit). */
    public long optionalPositive(String key, long unset) {
        String v = text(key);
        if (v.isEmpty()) {
            return unset;
        }
        if (!v.matches("\\d{1,18}") || Long.parseLong(v) == 0 || Long.parseLong(v) > unset) {
            throw new ConfigException(key, "'" + v + "' is not a positive whole number (leave it empty for no limit)");
        }
        return Long.parseLong(v);
    }

    /** A TCP port; 0 asks for any free one. */
    public int port(String key) {
        if (text(key).isEmpty()) {
            throw new ConfigException(key, "is not set; give a port number (0-65535, 0 for any free port)");
        }
        return port(key, 0);
    }

    /** A TCP port; 0 asks for any free one. Empty: {@code derived}. */
    public int port(String key, int derived) {
        String v = text(key);
        if (v.isEmpty()) {
            return derived;
        }
        if (!v.matches("\\d{1,5}") || Integer.parseInt(v) > 65535) {
            throw new ConfigException(key, "'" + v + "' is not a port number (0-65535, 0 for any free port)");
        }
        return Integer.parseInt(v);
    }

    public int nonNegativeInt(String key) {
        String v = text(key);
        if (!v.matches("\\d{1,9}")) {
            throw new ConfigException(key, "'" + v + "' is not a whole number of 0 or more");
        }
        return Integer.parseInt(v);
    }

    public boolean bool(String key) {
        String v = text(key).toLowerCase(Locale.ROOT);
        if (!v.equals("true") && !v.equals("false")) {
            throw new ConfigException(key, "'" + v + "' is neither true nor false");
        }
        return Boolean.parseBoolean(v);
    }

    public String oneOf(String key, Set<String> allowed) {
        String v = text(key).toLowerCase(Locale.ROOT);
        if (!allowed.contains(v)) {
            throw new ConfigException(key, "'" + v + "' is not one of " + String.join(", ", new TreeSet<>(allowed)));
        }
        return v;
    }

    /** A TLP level ({@code AMBER+STRICT}, {@code TLP:GREEN}...), or null when the key is empty. */
    public Tlp tlp(String key) {
        String v = text(key);
        if (v.isEmpty()) {
            return null;
        }
        Tlp tlp = Tlp.parse(v);
        if (tlp == null) {
            throw new ConfigException(key, "'" + v + "' is not a TLP 2.0 level: one of " + Tlp.allowed() + ", or empty for no marking");
        }
        return tlp;
    }

    public ZoneId zone(String key) {
        String v = text(key);
        try {
            return ZoneId.of(v);
        } catch (DateTimeException e) {
            throw new ConfigException(key, "'" + v + "' is not a time zone such as Asia/Tokyo or UTC");
        }
    }

    public String cron(String key) {
        String v = text(key);
        int fields = v.split("\\s+").length;
        if (fields < 6 || fields > 7 || !CronExpression.isValidExpression(v)) {
            throw new ConfigException(key, "'" + v + "' is not a Quartz cron expression (6 or 7 fields, e.g. 0 0 7 * * ?)");
        }
        return v;
    }

    /** A folder: it may not exist yet, but it may not be a file. */
    public Path folder(String key) {
        String v = text(key);
        Path path;
        try {
            path = Path.of(v);
        } catch (InvalidPathException e) {
            throw new ConfigException(key, "'" + v + "' is not a path");
        }
        if (v.isEmpty() || Files.exists(path) && !Files.isDirectory(path)) {
            throw new ConfigException(key, "'" + v + "' is " + (v.isEmpty() ? "not a folder" : "a file, not a folder"));
        }
        return path;
    }

    /** An absolute http(s) URL, or null when the key is empty. */
    public String absoluteHttpUrl(String key) {
        String v = text(key);
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

    /** An http://host:port URI (a proxy), or null when the key is empty. */
    public URI httpUri(String key) {
        String v = text(key);
        if (v.isEmpty()) {
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

    /** A comma-separated list, each entry trimmed, empty entries left out. */
    public java.util.List<String> list(String key) {
        return Arrays.stream(text(key).split(",")).map(String::trim).filter(e -> !e.isEmpty()).toList();
    }

    /** A comma-separated list of domains, trimmed and lower-cased. */
    public Set<String> domains(String key) {
        return list(key).stream().map(d -> d.toLowerCase(Locale.ROOT)).collect(Collectors.toUnmodifiableSet());
    }
}
