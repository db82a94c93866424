package dev.newsdigest;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import dev.newsdigest.cli.Launch;
import dev.newsdigest.config.Settings;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The README and {@code docs/} agree with {@code application.properties} and with themselves:
 * <ol>
 * <li>every key set in {@code application.properties} (read as {@link Properties} reads it: comments skipped,
 * continuation lines joined) is in {@code docs/configuration.md} as a code span of its own, {@code `key`} (a cell
 * {@code `a`, `b`} names both). The {@code camel.*} keys are included: they are shipped settings like the others, and an
 * operator overrides some of them ({@code camel.management.host} to let Prometheus scrape from elsewhere), so they are
 * documented and checked like the rest;</li>
 * <li>every {@code digest.*} key that {@code docs/configuration.md} names in a code span is set in the file, or is a
 * family whose {@code <placeholder>} segments match a key that is set ({@code digest.feed.<id>.url}), or is one of the
 * keys the code reads but the file does not set: the secrets, read from the environment only
 * ({@link Settings#SECRET_KEYS}), what {@code --once} sets internally ({@link Launch#ONCE}), and
 * {@code digest.feed.<id>.trust}, whose default is worked out from the order of {@code digest.feeds} (the file shows
 * it only in a comment);</li>
 * <li>every relative Markdown link in {@code README.md} and {@code docs/*.md} points at a file that exists and, with a
 * {@code #anchor}, at a heading of that file, slugged as GitHub does. Links in code blocks and code spans are not
 * links; http(s) and mailto links are not checked;</li>
 * <li>{@code README.md} stays a front door: at most 300 lines;</li>
 * <li>the README's test command is the one {@code .ci/run} runs.</li>
 * </ol>
 */
class DocsTest {
    private static final Path README = Path.of("README.md");
    private static final Path DOCS = Path.of("docs");
    private static final Path CONFIGURATION = DOCS.resolve("configuration.md");
    private static final Path PROPERTIES = Path.of("application.properties");
    private static final int README_MAX_LINES = 300;

    /** Keys the code reads that the shipped file does not set: documented, but not expected in the file. */
    private static final Set<String> READ_BUT_NOT_SET = Stream.of(
            Settings.SECRET_KEYS.keySet().stream(),
            Launch.ONCE.keySet().stream().filter(k -> k.startsWith("digest.")),
            Stream.of("digest.feed.<id>.trust"),
            // a chat channel's keys: the shipped file lists no channel (digest.chat.channels is empty); its URL is a secret
            Stream.of("digest.chat.<name>.kind", "digest.chat.<name>.url"))
            .flatMap(s -> s).collect(Collectors.toUnmodifiableSet());

    private static final Pattern FENCE = Pattern.compile("^\\s*(```|~~~)");
    private static final Pattern CODE_SPAN = Pattern.compile("(`+)(.+?)\\1", Pattern.DOTALL);
    private static final Pattern DIGEST_KEY = Pattern.compile("(?<![\\w./<-])digest(?:\\.(?:[a-z0-9-]+|<[a-z]+>))+");
    private static final Pattern LINK = Pattern.compile("!?\\[[^\\]]*\\]\\(\\s*<?([^)\\s>]+)>?(?:\\s+\"[^\"]*\")?\\s*\\)");
    private static final Pattern HEADING = Pattern.compile("^ {0,3}(#{1,6})\\s+(.*?)\\s*#*\\s*$");

    @Test
    void everyKeySetInApplicationPropertiesIsInTheConfigurationTables() throws IOException {
        Set<String> documented = codeSpans(read(CONFIGURATION)).stream().map(String::trim).collect(Collectors.toSet());

        Set<String> keys = propertyKeys();
        assertThat(keys).as("keys set in application.properties").hasSizeGreaterThan(100);
        assertThat(new TreeSet<>(keys).stream().filter(key -> !documented.contains(key)).toList())
                .as("keys set in application.properties but not written as `key` in docs/configuration.md")
                .isEmpty();
    }

    @Test
    void everyDigestKeyTheConfigurationTablesNameIsInApplicationProperties() throws IOException {
        Set<String> set = propertyKeys();
        Set<String> named = new TreeSet<>();
        for (String span : codeSpans(read(CONFIGURATION))) {
            Matcher m = DIGEST_KEY.matcher(span);
            while (m.find()) {
                named.add(m.group());
            }
        }
        assertThat(named).as("digest.* keys named in docs/configuration.md").hasSizeGreaterThan(50);

        List<String> unknown = named.stream()
                .filter(key -> !set.contains(key) && !READ_BUT_NOT_SET.contains(key) && !matchesAFamily(key, set))
                .toList();
        assertThat(unknown).as("digest.* keys in docs/configuration.md that application.properties does not set").isEmpty();
    }

    @Test
    void everyRelativeLinkInTheReadmeAndDocsReachesAFileAndAHeading() throws IOException {
        List<String> broken = new ArrayList<>();
        int checked = 0;
        for (Path file : markdownFiles()) {
            for (String target : links(read(file))) {
                if (target.matches("(?i)(https?|mailto):.*")) {
                    continue;
                }
                int hash = target.indexOf('#');
                String path = hash < 0 ? target : target.substring(0, hash);
                String anchor = hash < 0 ? null : target.substring(hash + 1);
                checked++;
                Path linked = path.isEmpty() ? file : file.toAbsolutePath().getParent().resolve(path).normalize();
                if (!Files.exists(linked)) {
                    broken.add(file + ": " + target + " (no such file)");
                } else if (anchor != null && (Files.isDirectory(linked) || !anchors(read(linked)).contains(anchor))) {
                    broken.add(file + ": " + target + " (no heading makes #" + anchor + ")");
                }
            }
        }
        assertThat(checked).as("relative links").isGreaterThan(30);
        assertThat(broken).isEmpty();
    }

    @Test
    void githubSlugsKeepLettersOfAnyScriptAndDropPunctuation() {
        assertThat(slug("What concerns us: the watchlist and 課題")).isEqualTo("what-concerns-us-the-watchlist-and-課題");
        assertThat(slug("One story, once: stories across sources, languages and days"))
                .isEqualTo("one-story-once-stories-across-sources-languages-and-days");
        assertThat(slug("CVE context (stage 5: each CVE id of the day's items)"))
                .isEqualTo("cve-context-stage-5-each-cve-id-of-the-days-items");
        assertThat(slug("`digest.db.url` and start_up")).isEqualTo("digestdburl-and-start_up");
    }

    @Test
    void theReadmeHasAtMost300Lines() throws IOException {
        assertThat(Files.readAllLines(README, StandardCharsets.UTF_8).size()).as("lines of README.md")
                .isLessThanOrEqualTo(README_MAX_LINES);
    }

    @Test
    void theReadmeTestCommandIsTheOneCiRuns() throws IOException {
        String ciCommand = Files.readAllLines(Path.of(".ci", "run"), StandardCharsets.UTF_8).stream()
                .map(String::trim).filter(line -> line.startsWith("mvn ")).reduce((a, b) -> b).orElseThrow();
        assertThat(ciCommand).isEqualTo("mvn -B verify");
        assertThat(read(README)).contains("Run the tests:\n\n```\n" + ciCommand + "\n```");
    }

    // ---------------------------------------------------------------- reading

    private static String read(Path file) throws IOException {
        return Files.readString(file, StandardCharsets.UTF_8);
    }

    private static Set<String> propertyKeys() throws IOException {
        Properties properties = new Properties();
        try (Reader in = Files.newBufferedReader(PROPERTIES, StandardCharsets.UTF_8)) {
            properties.load(in);
        }
        return properties.stringPropertyNames();
    }

    private static List<Path> markdownFiles() throws IOException {
        List<Path> files = new ArrayList<>(List.of(README));
        try (Stream<Path> docs = Files.list(DOCS)) {
            docs.filter(p -> p.toString().endsWith(".md")).sorted().forEach(files::add);
        }
        return files;
    }

    /** A key with {@code <placeholder>} segments names a family: it exists when some key that is set fits it. */
    private static boolean matchesAFamily(String key, Set<String> set) {
        if (!key.contains("<")) {
            return false;
        }
        String regex = Stream.of(key.split("\\."))
                .map(segment -> segment.startsWith("<") ? "[^.]+" : Pattern.quote(segment))
                .collect(Collectors.joining("\\."));
        return set.stream().anyMatch(k -> k.matches(regex));
    }

    /** The text outside fenced code blocks, one string per paragraph (a code span never crosses a blank line). */
    private static List<String> paragraphs(String markdown) {
        List<String> paragraphs = new ArrayList<>();
        StringBuilder current = new StringBuilder();
        boolean inFence = false;
        for (String line : markdown.split("\n", -1)) {
            if (FENCE.matcher(line).find()) {
                inFence = !inFence;
                continue;
            }
            if (inFence) {
                continue;
            }
            if (line.isBlank()) {
                paragraphs.add(current.toString());
                current.setLength(0);
            } else {
                current.append(line).append('\n');
            }
        }
        paragraphs.add(current.toString());
        return paragraphs;
    }

    private static List<String> codeSpans(String markdown) {
        List<String> spans = new ArrayList<>();
        for (String paragraph : paragraphs(markdown)) {
            Matcher m = CODE_SPAN.matcher(paragraph);
            while (m.find()) {
                spans.add(m.group(2));
            }
        }
        return spans;
    }

    private static List<String> links(String markdown) {
        List<String> targets = new ArrayList<>();
        for (String paragraph : paragraphs(markdown)) {
            Matcher m = LINK.matcher(CODE_SPAN.matcher(paragraph).replaceAll(""));
            while (m.find()) {
                targets.add(m.group(1));
            }
        }
        return targets;
    }

    /** The anchors a file's headings make, outside code blocks; a repeated slug gets -1, -2, ... as on GitHub. */
    private static Set<String> anchors(String markdown) {
        Set<String> anchors = new LinkedHashSet<>();
        Map<String, Integer> seen = new HashMap<>();
        boolean inFence = false;
        for (String line : markdown.split("\n")) {
            if (FENCE.matcher(line).find()) {
                inFence = !inFence;
                continue;
            }
            Matcher m = HEADING.matcher(line);
            if (!inFence && m.matches()) {
                String slug = slug(m.group(2));
                int n = seen.merge(slug, 1, Integer::sum) - 1;
                anchors.add(n == 0 ? slug : slug + "-" + n);
            }
        }
        return anchors;
    }

    /**
     * GitHub's heading anchor: the heading's text (markup such as backticks dropped) lower-cased, each space a '-',
     * and every character that is not a letter, a digit, a mark, '-' or '_' dropped; letters of any script stay.
     */
    static String slug(String heading) {
        String text = heading.replaceAll("\\[([^\\]]*)\\]\\([^)]*\\)", "$1").toLowerCase(Locale.ROOT);
        StringBuilder slug = new StringBuilder();
        text.codePoints().forEach(c -> {
            int type = Character.getType(c);
            if (c == ' ') {
                slug.append('-');
            } else if (c == '-' || c == '_' || Character.isLetterOrDigit(c)
                    || type == Character.NON_SPACING_MARK || type == Character.COMBINING_SPACING_MARK) {
                slug.appendCodePoint(c);
            }
        });
        return slug.toString();
    }
}
