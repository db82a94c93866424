package dev.newsdigest.site;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.logging.Level;
import java.util.stream.Stream;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.newsdigest.delivery.AtomFeed;
import dev.newsdigest.delivery.MailHtml;
import dev.newsdigest.delivery.OutputFiles.OutputFile;
import dev.newsdigest.state.StateStore.DayDigest;
import dev.newsdigest.support.WebServer;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.NoAlertPresentException;
import org.openqa.selenium.UnexpectedAlertBehaviour;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.logging.LogEntry;
import org.openqa.selenium.logging.LogType;
import org.openqa.selenium.logging.LoggingPreferences;

/**
 * The archive site in a real browser, the system's Chromium driven by Selenium through its chromedriver: the example
 * days and a hostile day, built as {@link ArchiveSite} builds them, opened from disk ({@code file:}, as a reader opens
 * the folder) and over HTTP (as a static server serves it, with the policy as a header too). It proves what jsoup in
 * {@link ArchiveSiteTest} cannot: that the search runs and finds Japanese words, CVEs and defanged IOCs, that the links
 * land on their anchors, that a hostile title stays text and runs nothing, that the Content-Security-Policy blocks an
 * inline script while letting the site's own files load, and that axe-core finds no WCAG 2.1 A/AA violation in light
 * or dark colours. Screenshots go to {@code target/site-screenshots/}.
 *
 * <p>It needs {@code apt-get install chromium chromium-driver fonts-ipafont-gothic} (what {@code .ci/run} installs);
 * without Chromium it is skipped with one line saying so. {@code -Dsite.browser.chromium=...} and
 * {@code -Dsite.browser.chromedriver=...} point it at other binaries.
 */
class SiteBrowserTest {
    private static final Path CHROMIUM = Path.of(System.getProperty("site.browser.chromium", "/usr/bin/chromium"));
    private static final Path CHROMEDRIVER = Path.of(System.getProperty("site.browser.chromedriver", "/usr/bin/chromedriver"));
    private static final Path SCREENSHOTS = Path.of("target/site-screenshots");
    private static final Duration WAIT = Duration.ofSeconds(10);
    private static final MailHtml HTML = new MailHtml();
    private static final ObjectMapper JSON = new ObjectMapper();
    /** Run before any script of every page (CDP, so the page's policy does not apply to it): what the policy refused. */
    private static final String RECORD_VIOLATIONS = "window.__cspViolations = [];"
            + "document.addEventListener('securitypolicyviolation', function (e) {"
            + " window.__cspViolations.push(e.effectiveDirective + ' ' + e.blockedURI + ' ' + e.sourceFile + ':' + e.lineNumber); });";

    /**
     * Selenium looks for a CDP binding of Chromium's version at start and warns it has none: this test sends its few CDP
     * commands through chromedriver ({@link ChromeDriver#executeCdpCommand}), which needs none. Held, so that the level
     * set here stays set.
     */
    private static final java.util.logging.Logger CDP_VERSIONS = java.util.logging.Logger.getLogger("org.openqa.selenium.devtools.CdpVersionFinder");

    @TempDir
    static Path folder;
    private static Path site;
    /** Why the browser tests cannot run here, or null. */
    private static String missing;
    private static ChromeDriver driver;
    private static Path profile;
    private static WebServer server;
    /** The FortiWeb story's anchor (told on all three days) and the ransomware item's (2026-11-26 only). */
    private static String fortiweb;
    private static String kinoshita;

    /** Where the site is opened from: the folder on disk, or a local static server. */
    enum Origin {
        FILE, HTTP;

        String url(String page) {
            return (this == FILE ? site.toUri().toString() : server.url("/")) + page;
        }
    }

    enum Colours {
        LIGHT, DARK
    }

    @BeforeAll
    static void buildTheSiteAndStartChromium() throws Exception {
        if (!Files.isExecutable(CHROMIUM) || !Files.isExecutable(CHROMEDRIVER)) {
            String why = "Chromium not installed (" + (Files.isExecutable(CHROMIUM) ? CHROMEDRIVER : CHROMIUM)
                    + " is missing): apt-get install chromium chromium-driver fonts-ipafont-gothic to run the browser tests";
            // said once here; each test is then skipped on its own (skipIfNoChromium), so that the run counts them as skipped
            System.out.println("SiteBrowserTest skipped: " + why);
            missing = why;
            return;
        }
        List<DayDigest> days = new ArrayList<>(SiteDays.examples());
        days.add(0, SiteDays.hostile("2026-11-27"));
        List<OutputFile> files = new ArchiveSite("ja", "", HTML, new AtomFeed("news-digest", "ja", 30, HTML)).build(days);
        site = folder.resolve("site");
        server = new WebServer();
        for (OutputFile f : files) {
            Path to = folder.resolve(f.name());
            Files.createDirectories(to.getParent());
            Files.write(to, f.bytes());
            String path = "/" + f.name().substring(ArchiveSite.DIR.length());
            server.serveBytes(path, 200, contentType(path), f.bytes()).header(path, "Content-Security-Policy", ArchiveSite.CSP)
                    .header(path, "X-Content-Type-Options", "nosniff");
        }
        Document day = Jsoup.parse(site.resolve("2026-11-26.html").toFile(), "UTF-8");
        fortiweb = day.select("h3").stream().filter(h -> h.text().startsWith("【続報】FortiWeb")).findFirst().orElseThrow().id();
        kinoshita = day.select("h3").stream().filter(h -> h.text().contains("木下精機")).findFirst().orElseThrow().id();

        CDP_VERSIONS.setLevel(Level.OFF);
        profile = Files.createTempDirectory("site-browser-profile");
        ChromeOptions options = new ChromeOptions();
        options.setBinary(CHROMIUM.toString());
        // the machine's network is closed: without these Chromium keeps trying to reach its services
        options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                "--disable-background-networking", "--disable-component-update", "--disable-sync", "--disable-dev-shm-usage",
                "--user-data-dir=" + profile, "--window-size=1024,900", "--lang=ja");
        // a dialog the hostile day might open stays open, to be seen, instead of being dismissed by the next command
        options.setUnhandledPromptBehaviour(UnexpectedAlertBehaviour.IGNORE);
        LoggingPreferences logs = new LoggingPreferences();
        logs.enable(LogType.BROWSER, Level.ALL);
        options.setCapability("goog:loggingPrefs", logs);
        ChromeDriverService service = new ChromeDriverService.Builder().usingDriverExecutable(CHROMEDRIVER.toFile()).usingAnyFreePort().build();
        driver = new ChromeDriver(service, options);
        driver.manage().timeouts().scriptTimeout(Duration.ofSeconds(60));
        driver.executeCdpCommand("Page.addScriptToEvaluateOnNewDocument", Map.of("source", RECORD_VIOLATIONS));
        Files.createDirectories(SCREENSHOTS);
    }

    @BeforeEach
    void skipIfNoChromium() {
        Assumptions.assumeTrue(missing == null, missing);
    }

    @AfterAll
    static void quitChromium() throws IOException {
        try {
            if (driver != null) {
                driver.quit();
            }
        } finally {
            if (server != null) {
                server.close();
            }
            if (profile != null) {
                try (Stream<Path> walk = Files.walk(profile)) {
                    walk.sorted(Comparator.reverseOrder()).map(Path::toFile).forEach(File::delete);
                }
            }
        }
    }

    private static String contentType(String path) {
        String ext = path.substring(path.lastIndexOf('.') + 1);
        return switch (ext) {
            case "html" -> "text/html; charset=utf-8";
            case "css" -> "text/css; charset=utf-8";
            case "js" -> "text/javascript; charset=utf-8";
            case "atom" -> "application/atom+xml; charset=utf-8";
            default -> throw new IllegalArgumentException("the site has a file this server does not know: " + path);
        };
    }

    // --- the search ---

    @ParameterizedTest
    @EnumSource(Origin.class)
    void theSearchFindsJapaneseWordsCvesAndDefangedIpsAndSaysWhenNothingIsFound(Origin origin) {
        open(origin, "search.html");

        assertThat(search("木下精機")).containsExactly("2026-11-26.html#" + kinoshita);
        assertThat(status()).isEqualTo("1件見つかりました");
        assertThat(search("ランサムウェア")).containsExactly("2026-11-26.html#" + kinoshita);
        // the 続報 that brought CVE-2025-58034, and the hostile day that repeats it; not the first day, which did not know it
        assertThat(search("CVE-2025-58034")).containsExactly("2026-11-27.html#" + fortiweb, "2026-11-26.html#" + fortiweb);
        assertThat(resultTitles()).containsOnly("FortiWebで2件目の脆弱性の悪用を確認");
        assertThat(search("cve-2025-58034")).containsExactly("2026-11-27.html#" + fortiweb, "2026-11-26.html#" + fortiweb);
        // an IOC pasted as the digest shows it, defanged, finds the days that list it
        assertThat(search("203[.]0[.]113[.]45"))
                .containsExactly("2026-11-27.html#" + fortiweb, "2026-11-26.html#" + fortiweb, "2026-11-25.html#" + fortiweb);
        assertThat(status()).isEqualTo("3件見つかりました");
        // two terms: only the articles with both
        assertThat(search("FortiWeb 認証回避")).contains("2026-11-25.html#" + fortiweb).allMatch(h -> h.endsWith("#" + fortiweb));

        assertThat(search("量子暗号衛星")).isEmpty();
        assertThat(status()).isEqualTo("見つかりませんでした");
        assertNoDialog();
    }

    @ParameterizedTest
    @EnumSource(Origin.class)
    void aQueryInTheAddressIsSearchedWhenThePageOpens(Origin origin) {
        open(origin, "search.html?q=" + URLEncoder.encode("CVE-2025-58034", StandardCharsets.UTF_8));

        await().atMost(WAIT).untilAsserted(() -> assertThat(results()).containsExactly("2026-11-27.html#" + fortiweb, "2026-11-26.html#" + fortiweb));
        assertThat(driver.findElement(By.id("q")).getDomProperty("value")).isEqualTo("CVE-2025-58034");
        assertThat(status()).isEqualTo("2件見つかりました");

        // and the other way: words searched with Enter are put in the address, to be bookmarked or sent
        assertThat(search("木下精機")).containsExactly("2026-11-26.html#" + kinoshita);
        driver.findElement(By.id("q")).sendKeys(Keys.ENTER);
        await().atMost(WAIT).until(() -> driver.getCurrentUrl().equals(origin.url("search.html?q=" + URLEncoder.encode("木下精機", StandardCharsets.UTF_8))));
        assertThat(results()).containsExactly("2026-11-26.html#" + kinoshita);
    }

    @ParameterizedTest
    @EnumSource(Origin.class)
    void aResultOpensItsDayPageAtTheArticle(Origin origin) {
        open(origin, "search.html");
        assertThat(search("木下精機")).containsExactly("2026-11-26.html#" + kinoshita);

        driver.findElement(By.cssSelector("#results li a")).click();

        assertLandedOn(origin, "2026-11-26.html", kinoshita);
        assertThat(driver.findElement(By.id(kinoshita)).getText()).contains("木下精機");
    }

    // --- the links between pages ---

    @ParameterizedTest
    @EnumSource(Origin.class)
    void aFollowUpLeadsToTheHeadingWhereItsStoryBeganAndToTheStorysPage(Origin origin) {
        open(origin, "2026-11-26.html");
        WebElement story = driver.findElement(By.xpath("//h3[@id='" + fortiweb + "']/following-sibling::p[@class='story'][1]"));
        assertThat(story.getText()).startsWith("この話の始まり: 2026-11-25");

        story.findElement(By.linkText("2026-11-25")).click();

        assertLandedOn(origin, "2026-11-25.html", fortiweb);
        assertThat(driver.findElement(By.id(fortiweb)).getText()).isEqualTo("FortiWebの認証回避の脆弱性が攻撃に悪用される");

        open(origin, "2026-11-26.html");
        driver.findElement(By.xpath("//h3[@id='" + fortiweb + "']/following-sibling::p[@class='story'][1]"))
                .findElement(By.partialLinkText("この話の経過")).click();

        await().atMost(WAIT).until(() -> driver.getCurrentUrl().equals(origin.url("stories/" + fortiweb + ".html")));
        assertThat(driver.findElement(By.tagName("h1")).getText()).isEqualTo("FortiWebで2件目の脆弱性の悪用を確認");
        assertThat(driver.findElements(By.cssSelector("ol.story-days > li > h2 > a")).stream().map(WebElement::getText))
                .containsExactly("2026-11-25", "2026-11-26", "2026-11-27");
        // and back from the story's page to one of its days
        driver.findElement(By.linkText("2026-11-26")).click();
        assertLandedOn(origin, "2026-11-26.html", fortiweb);
    }

    // --- a hostile day ---

    @ParameterizedTest
    @EnumSource(Origin.class)
    void aHostileTitleIsShownAsTextAndRunsNothingOnItsDayPageOrInTheSearch(Origin origin) {
        open(origin, "2026-11-27.html");

        assertThat(driver.findElements(By.tagName("h3")).stream().map(h -> h.getDomProperty("textContent"))).contains(SiteDays.HOSTILE);
        assertThat(driver.findElement(By.tagName("main")).getText()).contains("</li><script>alert(2)</script>", "javascript:alert(3)");
        assertThat(count("img")).isZero();
        assertThat(count("main script")).isZero();
        assertNoDialog();

        open(origin, "search.html");
        assertThat(search("攻撃の見出し")).containsExactly("2026-11-27.html#" + kinoshita);
        assertThat(resultTitles()).containsExactly(SiteDays.HOSTILE);
        assertThat(count("img")).isZero();
        assertNoDialog();
    }

    // --- the policy ---

    @ParameterizedTest
    @EnumSource(Origin.class)
    void thePolicyRefusesAnInlineScriptAndNothingOfTheSitesOwn(Origin origin) {
        browserLog();
        // the site's own pages, style sheet and scripts: nothing refused, nothing logged as an error
        for (String page : List.of("index.html", "2026-11-26.html", "2026-11-27.html", "stories/" + fortiweb + ".html",
                "search.html?q=" + URLEncoder.encode("ランサムウェア", StandardCharsets.UTF_8))) {
            open(origin, page);
            if (page.startsWith("search")) {
                await().atMost(WAIT).until(() -> !results().isEmpty());
            }
            assertThat(violations()).as(page).isEmpty();
            assertThat(stylesApplied()).as(page + ": site.css is applied").isTrue();
        }
        assertThat(browserLog()).as("the browser's console").noneMatch(e -> e.getLevel().intValue() >= Level.WARNING.intValue());

        // an inline script, as an injection into the page would add one: refused, and the refusal reported
        open(origin, "2026-11-26.html");
        driver.executeScript("var s = document.createElement('script'); s.textContent = 'window.__injected = true;';"
                + " document.body.appendChild(s);");
        // one report per policy in force: the meta tag's, and over HTTP the header's as well
        await().atMost(WAIT).untilAsserted(() -> assertThat(violations()).hasSize(origin == Origin.HTTP ? 2 : 1)
                .allMatch(v -> v.startsWith("script-src-elem inline")));
        assertThat(driver.executeScript("return typeof window.__injected;")).isEqualTo("undefined");
        assertThat(browserLog()).anyMatch(e -> e.getLevel() == Level.SEVERE && e.getMessage().contains("Content Security Policy"));

        // the same script where no policy holds does run: what the check above sees is the policy, not the way it was added
        driver.get("data:text/html;charset=utf-8,<title>no policy</title><p>no policy</p>");
        driver.executeScript("var s = document.createElement('script'); s.textContent = 'window.__injected = true;';"
                + " document.body.appendChild(s);");
        assertThat(driver.executeScript("return typeof window.__injected;")).isEqualTo("boolean");
    }

    // --- accessibility ---

    @ParameterizedTest
    @EnumSource(Colours.class)
    void everyKindOfPagePassesAxeCoreWcag21AA(Colours colours) throws Exception {
        driver.executeCdpCommand("Emulation.setEmulatedMedia", Map.of("features",
                List.of(Map.of("name", "prefers-color-scheme", "value", colours == Colours.DARK ? "dark" : "light"))));
        try {
            String suffix = colours == Colours.DARK ? "-dark" : "";
            // a control: a page made with a violation, that axe must report, or its silence on the site means nothing
            driver.get("data:text/html;charset=utf-8,<html lang=ja><title>control</title><main><h1>control</h1><input id=q></main>");
            assertThat(axe("control")).singleElement().asString().startsWith("control: label (critical)");

            List<String> problems = new ArrayList<>();
            for (String page : List.of("index.html", "2026-11-25.html", "2026-11-26.html", "2026-11-26.html#" + kinoshita,
                    "2026-11-27.html", "stories/" + fortiweb + ".html", "search.html?q=" + URLEncoder.encode("ランサムウェア", StandardCharsets.UTF_8))) {
                open(Origin.HTTP, page);
                assertThat(driver.executeScript("return matchMedia('(prefers-color-scheme: dark)').matches;")).isEqualTo(colours == Colours.DARK);
                if (page.startsWith("search")) {
                    await().atMost(WAIT).until(() -> !results().isEmpty());
                    screenshot("search" + suffix);
                } else if (page.equals("2026-11-26.html")) {
                    screenshot("day-2026-11-26" + suffix);
                }
                problems.addAll(axe(page + " (" + colours.name().toLowerCase() + ")"));
            }
            assertThat(problems).as("axe-core violations").isEmpty();
        } finally {
            driver.executeCdpCommand("Emulation.setEmulatedMedia", Map.of("features", List.of()));
        }
    }

    /** axe-core's WCAG 2.0/2.1 A and AA rules on the page as it is: each violation as rule, impact, help and elements. */
    private static List<String> axe(String page) throws IOException {
        String source;
        try (InputStream in = SiteBrowserTest.class.getResourceAsStream("/axe-core/axe.min.js")) {
            source = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        // injected through chromedriver (CDP): the page's policy, which allows only the site's own scripts, does not apply
        driver.executeScript(source);
        assertThat(driver.executeScript("return window.axe && window.axe.version;")).as("axe-core injected into " + page).isEqualTo("4.11.0");
        String out = (String) driver.executeAsyncScript("var done = arguments[arguments.length - 1];"
                + "axe.run(document, {runOnly: {type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']}})"
                + ".then(function (r) { done(JSON.stringify({passes: r.passes.length, incomplete: r.incomplete.map(function (v) { return v.id; }),"
                + " violations: r.violations.map(function (v) { return {id: v.id, impact: v.impact, help: v.help,"
                + " nodes: v.nodes.map(function (n) { return n.target.join(' ') + ': ' + n.failureSummary.replace(/\\s+/g, ' '); })}; })})); },"
                + " function (e) { done(JSON.stringify({error: String(e)})); });");
        JsonNode result = JSON.readTree(out);
        assertThat(result.path("error").asText("")).as("axe-core on " + page).isEmpty();
        assertThat(result.path("passes").asInt()).as("axe-core ran its rules on " + page).isGreaterThan(5);
        if (!result.path("incomplete").isEmpty()) {
            System.out.println("axe-core on " + page + ", to review by hand: " + result.path("incomplete"));
        }
        List<String> problems = new ArrayList<>();
        for (JsonNode v : result.path("violations")) {
            StringBuilder line = new StringBuilder(page + ": " + v.path("id").asText() + " (" + v.path("impact").asText() + ") "
                    + v.path("help").asText());
            v.path("nodes").forEach(n -> line.append("\n    ").append(n.asText()));
            problems.add(line.toString());
        }
        return problems;
    }

    // --- helpers ---

    private static void open(Origin origin, String page) {
        driver.get(origin.url(page));
        await().atMost(WAIT).until(() -> "complete".equals(driver.executeScript("return document.readyState;")));
    }

    /** Empties the search box and types {@code words} into it, as a reader does, and gives the results' links. */
    private static List<String> search(String words) {
        WebElement q = driver.findElement(By.id("q"));
        // select all and delete: an input event with nothing in the box, which empties the status and the results
        q.sendKeys(Keys.chord(Keys.CONTROL, "a"), Keys.DELETE);
        await().atMost(WAIT).until(() -> status().isEmpty() && results().isEmpty());
        q.sendKeys(words);
        assertThat(q.getDomProperty("value")).isEqualTo(words);
        await().atMost(WAIT).until(() -> !status().isEmpty());
        return results();
    }

    private static List<String> results() {
        return driver.findElements(By.cssSelector("#results li a")).stream().map(a -> a.getDomAttribute("href")).toList();
    }

    private static List<String> resultTitles() {
        return driver.findElements(By.cssSelector("#results li a")).stream().map(a -> a.getDomProperty("textContent")).toList();
    }

    private static String status() {
        return driver.findElement(By.id("status")).getText();
    }

    private static long count(String selector) {
        return (Long) driver.executeScript("return document.querySelectorAll(arguments[0]).length;", selector);
    }

    /** The page is {@code page} of the site, scrolled to the element {@code anchor}, which is the target. */
    private static void assertLandedOn(Origin origin, String page, String anchor) {
        await().atMost(WAIT).until(() -> driver.getCurrentUrl().equals(origin.url(page) + "#" + anchor));
        await().atMost(WAIT).until(() -> "complete".equals(driver.executeScript("return document.readyState;")));
        assertThat(driver.executeScript("var t = document.querySelector(':target'); return t && t.id;")).isEqualTo(anchor);
        // scrolled to it: its top at the window's top, give or take a sub-pixel, or lower where the page ends first
        assertThat((Boolean) driver.executeScript("var r = document.getElementById(arguments[0]).getBoundingClientRect();"
                + " return r.top > -1 && r.top < window.innerHeight;", anchor)).as(anchor + " is in view").isTrue();
    }

    private static void assertNoDialog() {
        try {
            String text = driver.switchTo().alert().getText();
            throw new AssertionError("a dialog opened: " + text);
        } catch (NoAlertPresentException expected) {
            // nothing ran
        }
    }

    @SuppressWarnings("unchecked")
    private static List<String> violations() {
        Object seen = driver.executeScript("return window.__cspViolations;");
        assertThat(seen).as("the policy listener is installed").isNotNull();
        return (List<String>) seen;
    }

    /** site.css reached the page: the body has its width, which no browser's default has. */
    private static boolean stylesApplied() {
        return !"none".equals(driver.executeScript("return getComputedStyle(document.body).maxWidth;"));
    }

    /** The console's entries since the last call. */
    private static List<LogEntry> browserLog() {
        return driver.manage().logs().get(LogType.BROWSER).getAll();
    }

    /** The whole page, not only the window, as a PNG under target/site-screenshots/. */
    @SuppressWarnings("unchecked")
    private static void screenshot(String name) throws IOException {
        Map<String, Object> metrics = driver.executeCdpCommand("Page.getLayoutMetrics", Map.of());
        Map<String, Object> size = (Map<String, Object>) metrics.get("cssContentSize");
        Map<String, Object> shot = driver.executeCdpCommand("Page.captureScreenshot", Map.of("format", "png", "captureBeyondViewport", true,
                "clip", Map.of("x", 0, "y", 0, "width", ((Number) size.get("width")).doubleValue(),
                        "height", ((Number) size.get("height")).doubleValue(), "scale", 1)));
        Files.write(SCREENSHOTS.resolve(name + ".png"), Base64.getDecoder().decode((String) shot.get("data")));
    }
}
