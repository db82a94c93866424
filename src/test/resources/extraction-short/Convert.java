import java.nio.file.*;
import java.util.*;
import org.jsoup.Jsoup;
import org.jsoup.nodes.*;

/**
 * Writes ground-truth.json for the short-article set (see PROVENANCE.md):
 * {@code java -cp jsoup.jar Convert.java src/test/resources/extraction-short}. Not part of the build.
 */
public class Convert {
    static final Set<String> BLOCKS = Set.of("p", "h1", "h2", "h3", "h4", "h5", "h6", "li", "pre", "td", "th", "dd", "dt", "blockquote", "div");

    public static void main(String[] args) throws Exception {
        Path dir = Path.of(args[0]);
        Map<String, String[]> pages = new TreeMap<>();
        // id -> {url, truth source: "expected" (readability's expected.html) or a CSS selector into the page itself}
        pages.put("own-advisory-replies", new String[] {"https://community.filedrop.example/t/security-advisory-sso-bypass/5521", "div.txt p"});
        pages.put("own-footer-notice", new String[] {"https://www.westbrook-utilities.example/news/fake-invoices", "div.news-item p"});
        pages.put("own-news-sidebar", new String[] {"https://www.regional-tribune.example/tech/hospital-ransomware", "div.story-text p"});
        pages.put("own-press-release", new String[] {"https://www.northgate-bank.example/press/2024-06-18-online-banking-restored", "div.pr p"});
        pages.put("own-thread-articles", new String[] {"https://www.patchdesk.example/2024/08/tab-manager-adware", "article.post p:not(.dateline)"});
        pages.put("own-thread-divs", new String[] {"https://netwatch-notes.example/p/312", "div.single p"});
        pages.put("rdb-tumblr", new String[] {"http://mcupdate.tumblr.com/post/96439224994/minecraft-18-the-bountiful-update", "expected"});
        pages.put("rdb-folha", new String[] {"https://www1.folha.uol.com.br/esporte/2018/12/tite-diz-que-errou-ao-levar-taca-da-libertadores-a-lula-em-2012.shtml", "expected"});
        pages.put("rdb-liberation", new String[] {"http://www.liberation.fr/monde/2015/04/30/un-troisieme-francais-mort-dans-le-seisme-au-nepal_1278483", "expected"});
        pages.put("rdb-tmz", new String[] {"http://www.tmz.com/2015/02/26/lupita-nyongo-pearl-dress-stolen-oscars/", "expected"});
        pages.put("rdb-wordpress", new String[] {"https://wptavern.com/stack-overflow-jobs-data-shows-reactjs-skills-in-high-demand-wordpress-market-oversaturated-with-developers", "expected"});
        StringBuilder json = new StringBuilder("{\n");
        for (Map.Entry<String, String[]> e : pages.entrySet()) {
            Document page;
            try (var in = new java.util.zip.GZIPInputStream(Files.newInputStream(dir.resolve("html/" + e.getKey() + ".html.gz")))) {
                page = Jsoup.parse(new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8));
            }
            String title = page.selectFirst("meta[property=og:title]").attr("content").trim();
            List<String> lines = new ArrayList<>();
            if (e.getValue()[1].equals("expected")) {
                Document expected = Jsoup.parse(Files.readString(dir.resolve("expected/" + e.getKey() + ".html")));
                for (Element el : expected.body().getAllElements()) {
                    if (BLOCKS.contains(el.tagName()) && el.getAllElements().stream().skip(1).noneMatch(c -> BLOCKS.contains(c.tagName()))) {
                        String line = el.text().strip();
                        if (!line.isEmpty() && !line.equals(title)) {
                            lines.add(line);
                        }
                    }
                }
            } else {
                page.select(e.getValue()[1]).forEach(p -> lines.add(p.text().strip()));
            }
            String text = String.join("\n", lines);
            json.append("  ").append(quote(e.getKey())).append(": {\"articleBody\": ").append(quote(text)).append(", \"url\": ")
                    .append(quote(e.getValue()[0])).append("},\n");
        }
        json.setLength(json.length() - 2);
        json.append("\n}\n");
        Files.writeString(dir.resolve("ground-truth.json"), json);
    }

    static String quote(String s) {
        StringBuilder b = new StringBuilder("\"");
        for (char c : s.toCharArray()) {
            switch (c) {
                case '"' -> b.append("\\\"");
                case '\\' -> b.append("\\\\");
                case '\n' -> b.append("\\n");
                default -> b.append(c < 0x20 ? String.format("\\u%04x", (int) c) : String.valueOf(c));
            }
        }
        return b.append('"').toString();
    }
}
