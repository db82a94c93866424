package dev.newsdigest.site;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.Map;
import java.util.regex.Pattern;

import dev.newsdigest.intel.HttpAnswer;
import org.apache.camel.Exchange;
import org.apache.camel.Message;

/**
 * The archive site served under {@code /site/} by the server that carries the TAXII collection, after the same access
 * check, from the folder the file channel writes ({@code <digest.output.dir>/site}). Only the site's own kinds of file
 * are served (pages, style sheet, scripts, feed), by names of the site's own form: no dot file (the channel's temporary
 * files), no {@code ..}, no link leading out of the folder. Every answer carries the site's Content-Security-Policy,
 * here with {@code frame-ancestors 'none'}, which a meta tag cannot say.
 */
public class SiteFiles {
    public static final String PREFIX = "/site/";
    private static final Pattern NAME = Pattern.compile("(stories/)?[A-Za-z0-9][A-Za-z0-9_-]*(\\.[A-Za-z0-9-]+)+");
    private static final Map<String, String> TYPES = Map.of(
            "html", "text/html; charset=utf-8",
            "css", "text/css; charset=utf-8",
            "js", "text/javascript; charset=utf-8",
            "atom", "application/atom+xml");
    private static final Map<String, Object> HEADERS = Map.of(
            "Content-Security-Policy", ArchiveSite.CSP + "; frame-ancestors 'none'",
            "Referrer-Policy", "no-referrer",
            "Cache-Control", "no-cache");

    private final Path root;
    private final boolean enabled;

    /** {@code root}: the site's folder; {@code enabled}: {@code digest.site.enabled}. */
    public SiteFiles(Path root, boolean enabled) {
        this.root = root.toAbsolutePath().normalize();
        this.enabled = enabled;
    }

    /** Answers the platform-http request in {@code exchange}, in its place. */
    public void handle(Exchange exchange) {
        Message in = exchange.getMessage();
        answer(in.getHeader(Exchange.HTTP_METHOD, String.class), in.getHeader(Exchange.HTTP_PATH, String.class)).writeTo(in);
    }

    public HttpAnswer answer(String method, String path) {
        if (!enabled || path == null || !(path.equals("/site") || path.startsWith(PREFIX))) {
            return HttpAnswer.error(404, "Not found", "There is no archive site here (digest.site.enabled is false).", Map.of());
        }
        if (method != null && !method.equals("GET")) {
            return HttpAnswer.error(405, "Method not allowed", "The archive site answers GET only.", Map.of("Allow", "GET"));
        }
        if (path.equals("/site")) {
            return new HttpAnswer(301, "text/plain; charset=utf-8", Map.of("Location", PREFIX), new byte[0]);
        }
        String name = path.substring(PREFIX.length());
        name = name.isEmpty() ? "index.html" : name;
        String extension = name.substring(name.lastIndexOf('.') + 1);
        if (NAME.matcher(name).matches() && TYPES.containsKey(extension)) {
            Path file = root.resolve(name).normalize();
            try {
                if (file.startsWith(root) && Files.isRegularFile(file, LinkOption.NOFOLLOW_LINKS)
                        && file.toRealPath().startsWith(root.toRealPath())) {
                    return new HttpAnswer(200, TYPES.get(extension), HEADERS, Files.readAllBytes(file));
                }
            } catch (IOException e) {
                // gone between the check and the read, or the folder is not there yet: not found
            }
        }
        return HttpAnswer.error(404, "Not found", "The archive site has no such page.", Map.of());
    }
}
