package dev.newsdigest.site;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.Set;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.newsdigest.model.Digest;
import dev.newsdigest.publish.DigestRenderer;
import dev.newsdigest.state.StateStore.DayDigest;

/**
 * A year of generated digests for {@link SiteBenchmark}, newest day first, as the state lists each day's latest
 * revision; the same for the same seed. A day has 10 to 25 items (a BleepingComputer-sized day): a Japanese title, an
 * English original title, three Japanese sentences, 0 to 6 IOCs (IPv4 addresses, domains, URLs, hashes) and 0 to 3 CVE
 * ids with their context (also listed as IOCs, as the extraction lists them); about one in seven is a 続報 of a story
 * told in the last two weeks (its storyKey, firstSeen and a followUp), some need action (課題), and some days list
 * breach incidents, a few of them the same as a news story. The titles and sentences are put together from word lists
 * (vendors and products, kinds of flaw, Japanese organisations and prefectures, ransomware groups, malware, what was
 * stolen), so that the index holds the bigrams of many words, not of one repeated text. Each day is written as JSON of
 * the shape of {@code docs/digest-example}, read as a {@link Digest}, and rendered by the real {@link DigestRenderer}
 * (every item in full, the default), so that its JSON and Markdown are what production stores.
 */
final class YearOfDigests {
    final List<DayDigest> days = new ArrayList<>();
    int items;
    int followUps;
    int actions;
    int incidents;
    int iocs;
    int cves;
    long jsonBytes;
    long markdownBytes;
    /** A CVE id and an IP address of the first day from the middle of the year on that names them, for the queries. */
    String knownCve;
    String knownIp;

    private final Random r;
    private final ObjectMapper mapper = new ObjectMapper();
    private final DigestRenderer renderer = new DigestRenderer();
    private final List<Story> stories = new ArrayList<>();
    private final Set<String> urls = new HashSet<>();
    private int securityNext = 150_000;

    private YearOfDigests(long seed) {
        this.r = new Random(seed);
    }

    static YearOfDigests generate(LocalDate last, int count, long seed) throws IOException {
        YearOfDigests year = new YearOfDigests(seed);
        for (int d = count - 1; d >= 0; d--) {
            year.day(last.minusDays(d), d <= count / 2);
        }
        return year;
    }

    /** A story already told, which a later day may tell again as a 続報. */
    private static final class Story {
        String key;
        String firstSeen;
        LocalDate lastDay;
        String type;
        Fill fill;
        List<String> cves = new ArrayList<>();
    }

    /** The words an item is written with. */
    private record Fill(String vendor, String product, String[] flaw, String[] org, String[] kind, String prefecture, String actor,
                        String malware, String[] brand, String[] data, String[] target, String impact) {
        String orgJa() {
            return org[0] + kind[0];
        }

        String orgEn() {
            return org[1] + " " + kind[1];
        }
    }

    private void day(LocalDate day, boolean middle) throws IOException {
        ObjectNode json = mapper.createObjectNode();
        json.put("date", day.toString());
        int revision = r.nextInt(10) == 0 ? 2 : 1;
        json.put("revision", revision);
        json.put("generatedAt", day + "T23:55:04+09:00");
        json.put("language", "ja");
        int tlp = r.nextInt(10);
        if (tlp < 6) {
            json.put("tlp", "TLP:AMBER");
        } else if (tlp < 8) {
            json.put("tlp", "TLP:GREEN");
        }
        ArrayNode actionList = mapper.createArrayNode();
        ArrayNode itemList = mapper.createArrayNode();
        ArrayNode incidentList = mapper.createArrayNode();
        int n = 10 + r.nextInt(16);
        Set<Story> today = new HashSet<>();
        List<String> titles = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            ObjectNode item = item(day, i, today, middle);
            itemList.add(item);
            titles.add(item.path("title").asText());
            if (item.path("actionRequired").asBoolean()) {
                ObjectNode action = actionList.addObject();
                action.put("title", item.path("title").asText());
                action.put("url", item.path("url").asText());
                action.put("reason", item.path("actionReason").asText());
                if (item.has("products") && r.nextBoolean()) {
                    action.putArray("watchlist").add(item.path("products").get(0).asText());
                }
                for (JsonNode cve : item.path("cves")) {
                    if (!cve.path("kev").isNull()) {
                        action.put("kev", true);
                    }
                    action.put("epss", cve.path("epss").path("probability").asDouble());
                    action.put("cvss", cve.path("cvss").path("score").asDouble());
                }
                actions++;
            }
            if (item.has("victims") && r.nextInt(3) == 0) {
                incidentList.add(incident(day, item.path("victims").get(0).path("original").asText(), pick(PREFECTURES), item.path("storyKey").asText()));
            }
        }
        for (int i = r.nextInt(3); i > 0; i--) {
            Fill fill = fill();
            incidentList.add(incident(day, fill.orgJa(), fill.prefecture, null));
        }
        incidents += incidentList.size();
        json.put("overview", titles.get(0) + "。" + titles.get(1) + "など、" + n + "件のニュースを取り上げた。"
                + (incidentList.isEmpty() ? "" : "国内では" + incidentList.size() + "件の侵害事例が公表された。"));
        json.set("actions", actionList);
        json.set("items", itemList);
        json.set("incidents", incidentList);
        ArrayNode feeds = json.putArray("feeds");
        for (String feed : List.of("bleepingcomputer", "securitynext", "securityweek", "thehackernews", "jpcert")) {
            boolean ok = r.nextInt(40) != 0;
            feeds.addObject().put("id", feed).put("ok", ok).put("newItems", ok ? r.nextInt(12) : 0)
                    .put("error", ok ? null : "HTTP 503").put("consecutiveFailures", ok ? 0 : 1);
        }
        ArrayNode sources = json.putArray("cveSources");
        for (String source : List.of("NVD", "CVE", "EPSS", "KEV", "JVN")) {
            sources.addObject().put("source", source).put("ok", true).putNull("error").put("missing", 0);
        }
        json.putObject("usage").put("llmCalls", n + 1).put("inputTokens", n * 1700L).put("outputTokens", n * 400L).put("budgetReached", false);

        Digest digest = mapper.readValue(mapper.writeValueAsBytes(json), Digest.class);
        String stored = new String(renderer.json(digest), StandardCharsets.UTF_8);
        String markdown = renderer.markdown(digest);
        jsonBytes += stored.getBytes(StandardCharsets.UTF_8).length;
        markdownBytes += markdown.getBytes(StandardCharsets.UTF_8).length;
        Instant published = Instant.parse(day + "T14:55:04Z");
        Instant first = revision == 1 ? published : published.minusSeconds(3 * 3600);
        days.add(0, new DayDigest(day, revision, first, published, stored, markdown));
    }

    private ObjectNode incident(LocalDate day, String org, String prefecture, String storyKey) {
        ObjectNode incident = mapper.createObjectNode();
        incident.put("source", "securitynext");
        String[] data = pick(DATA);
        incident.put("title", switch (r.nextInt(4)) {
            case 0 -> pick(SECTORS) + "にランサム攻撃、" + data[0] + "流出の可能性 - " + org;
            case 1 -> "複数サーバがランサム被害、" + pick(IMPACTS) + " - " + prefecture + "内の" + pick(SECTORS);
            case 2 -> "不正アクセスで" + data[0] + "が流出した可能性 - " + org;
            default -> "メールの誤送信で" + data[0] + "が流出 - " + org;
        });
        incident.put("url", "https://www.security-next.com/" + securityNext++);
        incident.put("publishedAt", day + "T" + String.format("%02d", 8 + r.nextInt(10)) + ":" + String.format("%02d", r.nextInt(60)) + ":00+09:00");
        if (storyKey != null) {
            incident.put("storyKey", storyKey);
        }
        return incident;
    }

    private ObjectNode item(LocalDate day, int at, Set<Story> today, boolean middle) {
        Story story = null;
        if (r.nextInt(100) < 15) {
            List<Story> recent = stories.stream().filter(s -> !today.contains(s) && s.lastDay.isAfter(day.minusDays(15))).toList();
            if (!recent.isEmpty()) {
                story = recent.get(r.nextInt(recent.size()));
            }
        }
        boolean followUp = story != null;
        String type = followUp ? story.type : pick(TYPES);
        Fill fill = followUp ? story.fill : fill();
        String published = day + "T" + String.format("%02d:%02d:00Z", (at * 7 + r.nextInt(5)) % 24, r.nextInt(60));

        String title = followUp ? followUpTitle(type, fill) : title(type, fill);
        String original = originalTitle(type, fill, followUp);
        String source = type.startsWith("vuln") || type.equals("malware") || r.nextInt(3) > 0 ? "bleepingcomputer" : "securitynext";
        String url = url(source, original);

        ObjectNode item = mapper.createObjectNode();
        item.put("source", source);
        item.put("url", url);
        item.put("originalTitle", original);
        item.put("title", title);
        item.put("publishedAt", published);
        ArrayNode summary = item.putArray("summary");
        for (String sentence : summary(type, fill, followUp)) {
            summary.add(sentence);
        }

        // CVE ids: a flaw's story names 1 to 3, malware now and then one; a 続報 may add one
        List<String> ids = new ArrayList<>();
        if (followUp) {
            ids.addAll(story.cves);
        }
        int newIds = type.startsWith("vuln") ? (followUp ? (r.nextInt(3) == 0 ? 1 : 0) : 1 + r.nextInt(3))
                : type.equals("malware") && r.nextInt(4) == 0 ? 1 : 0;
        List<String> added = new ArrayList<>();
        for (int i = 0; i < newIds && ids.size() < 3; i++) {
            String id = "CVE-" + (2024 + r.nextInt(3)) + "-" + (1000 + r.nextInt(69000));
            ids.add(id);
            added.add(id);
        }
        ArrayNode iocList = item.putArray("iocs");
        for (String id : ids) {
            iocList.addObject().put("type", "cve").put("value", id);
        }
        int count = r.nextInt(10) < 4 ? 0 : 1 + r.nextInt(6);
        List<String> ips = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            String[] ioc = ioc(type);
            iocList.addObject().put("type", ioc[0]).put("value", ioc[1]);
            if (ioc[0].equals("ipv4")) {
                ips.add(ioc[1]);
            }
        }
        iocs += count;
        cves += ids.size();
        if (middle && knownCve == null && !ids.isEmpty()) {
            knownCve = ids.get(0);
        }
        if (middle && knownIp == null && !ips.isEmpty()) {
            knownIp = ips.get(0);
        }
        ArrayNode contexts = item.putArray("cves");
        List<String> nowInKev = new ArrayList<>();
        for (String id : ids) {
            contexts.add(cveContext(id, day, fill, nowInKev));
        }
        item.putArray("recommendations").add(pick(RECOMMENDATIONS).replace("{product}", fill.product));
        item.putArray("notes").add(pick(NOTES));
        item.putArray("aiRecommendations").add(pick(AI_RECOMMENDATIONS));
        boolean action = type.equals("vuln-exploited") ? r.nextInt(3) == 0 : r.nextInt(25) == 0;
        item.put("actionRequired", action);
        if (action) {
            item.put("actionReason", pick(ACTION_REASONS));
        } else {
            item.putNull("actionReason");
        }
        if (type.startsWith("vuln")) {
            item.putArray("vendors").add(fill.vendor);
            item.putArray("products").add(fill.product);
        }
        if (type.equals("ransomware") || type.equals("breach")) {
            item.putArray("victims").addObject().put("name", fill.orgEn()).put("original", fill.orgJa());
        }
        if (type.equals("ransomware")) {
            item.putArray("actors").add(fill.actor);
        }
        if (type.equals("malware")) {
            item.putArray("malware").add(fill.malware);
        }
        item.put("eventType", switch (type) {
            case "vuln-exploited" -> "vulnerability-exploited";
            case "vuln-patch" -> "vulnerability";
            default -> type;
        });
        item.put("eventKey", (fill.vendor + "|" + type + "|" + fill.product).toLowerCase(Locale.ROOT));
        item.put("storyKey", followUp ? story.key : url);
        item.put("firstSeen", followUp ? story.firstSeen : published);
        ArrayNode sources = item.putArray("sources");
        sources.addObject().put("source", source).put("title", original).put("url", url).put("publishedAt", published);
        for (int i = r.nextInt(3); i > 0; i--) {
            String other = i == 1 ? "securitynext" : "securityweek";
            String otherUrl = other.equals("securitynext") ? "https://www.security-next.com/" + securityNext++
                    : url("securityweek", original + " " + i);
            sources.addObject().put("source", other).put("title", i == 1 ? "「" + fill.product + "」" + title : original)
                    .put("url", otherUrl).put("publishedAt", published);
        }
        if (followUp) {
            ObjectNode f = item.putObject("followUp");
            f.put("previousDay", story.lastDay.toString());
            ArrayNode newCves = f.putArray("newCves");
            added.forEach(newCves::add);
            f.putArray("newVictims");
            ArrayNode kev = f.putArray("nowInKev");
            nowInKev.forEach(kev::add);
            f.put("newIocs", count > 0 ? r.nextInt(count + 1) : 0);
            f.put("patchReleased", r.nextInt(4) == 0);
            story.lastDay = day;
            story.cves.addAll(added);
            today.add(story);
            followUps++;
        } else {
            Story s = new Story();
            s.key = url;
            s.firstSeen = published;
            s.lastDay = day;
            s.type = type;
            s.fill = fill;
            s.cves.addAll(ids);
            stories.add(s);
            today.add(s);
            if (stories.size() > 400) {
                stories.remove(0);
            }
        }
        item.put("summarizedBy", "model:gpt-4o-mini");
        item.put("textSource", "page");
        item.putObject("usage").put("inputTokens", 1200 + r.nextInt(1500)).put("outputTokens", 300 + r.nextInt(200));
        items++;
        return item;
    }

    private ObjectNode cveContext(String id, LocalDate day, Fill fill, List<String> nowInKev) {
        ObjectNode cve = mapper.createObjectNode();
        cve.put("id", id);
        double score = 40 + r.nextInt(61);
        score /= 10;
        String severity = score >= 9 ? "CRITICAL" : score >= 7 ? "HIGH" : score >= 4 ? "MEDIUM" : "LOW";
        cve.putObject("cvss").put("score", score).put("severity", severity)
                .put("vector", "CVSS:3.1/AV:N/AC:L/PR:" + (r.nextBoolean() ? "N" : "H") + "/UI:N/S:U/C:H/I:H/A:" + (r.nextBoolean() ? "H" : "N"))
                .put("version", "3.1").put("source", r.nextInt(3) == 0 ? "CNA" : "NVD");
        cve.putObject("epss").put("probability", Math.round(r.nextDouble() * 100000) / 100000.0)
                .put("percentile", Math.round(r.nextDouble() * 100000) / 100000.0).put("date", day.minusDays(1).toString());
        String cpeVendor = fill.vendor.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "_");
        String cpeProduct = fill.product.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "_");
        if (r.nextInt(10) < 3) {
            cve.putObject("kev").put("dateAdded", day.minusDays(r.nextInt(5)).toString()).put("dueDate", day.plusDays(21).toString())
                    .put("knownRansomwareCampaignUse", r.nextInt(4) == 0 ? "Known" : "Unknown").put("vendorProject", fill.vendor)
                    .put("product", fill.product);
            nowInKev.add(id);
        } else {
            cve.putNull("kev");
        }
        if (r.nextInt(10) < 3) {
            String jvn = "JVNDB-" + id.substring(4, 8) + "-" + String.format("%06d", r.nextInt(30000));
            cve.putObject("jvn").put("id", jvn).put("url", "https://jvndb.jvn.jp/ja/contents/" + id.substring(4, 8) + "/" + jvn + ".html");
        } else {
            cve.putNull("jvn");
        }
        cve.putArray("cpes").add("cpe:2.3:a:" + cpeVendor + ":" + cpeProduct + ":*:*:*:*:*:*:*:*");
        cve.putArray("missing");
        return cve;
    }

    private String[] ioc(String type) {
        int kind = type.equals("malware") ? r.nextInt(6) : type.equals("phishing") ? 1 + r.nextInt(2) : r.nextInt(4);
        return switch (kind) {
            case 0 -> new String[] {"ipv4", ip()};
            case 1 -> new String[] {"domain", domain()};
            case 2 -> new String[] {"url", "https://" + domain() + "/" + pick(PATHS)};
            case 3 -> new String[] {"sha256", hex(64)};
            case 4 -> new String[] {"md5", hex(32)};
            default -> new String[] {"sha1", hex(40)};
        };
    }

    private String ip() {
        int[] first = {5, 23, 31, 45, 62, 77, 91, 103, 109, 141, 146, 176, 185, 193, 194, 212};
        return first[r.nextInt(first.length)] + "." + r.nextInt(256) + "." + r.nextInt(256) + "." + (1 + r.nextInt(254));
    }

    private String domain() {
        return pick(DOMAIN_WORDS) + (r.nextBoolean() ? "-" : "") + pick(DOMAIN_WORDS) + (r.nextInt(4) == 0 ? String.valueOf(r.nextInt(100)) : "")
                + pick(TLDS);
    }

    private String hex(int length) {
        StringBuilder s = new StringBuilder(length);
        for (int i = 0; i < length; i++) {
            s.append(Character.forDigit(r.nextInt(16), 16));
        }
        return s.toString();
    }

    private String url(String source, String title) {
        String slug = title.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "-").replaceAll("^-|-$", "");
        String base = switch (source) {
            case "securitynext" -> "https://www.security-next.com/" + securityNext++;
            case "securityweek" -> "https://www.securityweek.com/" + slug + "/";
            default -> "https://www.bleepingcomputer.com/news/security/" + slug + "/";
        };
        String url = base;
        for (int i = 2; !urls.add(url); i++) {
            url = base.replaceAll("/$", "") + "-" + i + "/";
        }
        return url;
    }

    private Fill fill() {
        String[] product = pick(PRODUCTS);
        return new Fill(product[0], product[1], pick(FLAWS), pick(ORGS), pick(ORG_KINDS), pick(PREFECTURES), pick(RANSOMWARE), pick(MALWARE),
                pick(BRANDS), pick(DATA), pick(TARGETS), pick(IMPACTS));
    }

    private String title(String type, Fill f) {
        return fillIn(pick(switch (type) {
            case "vuln-exploited" -> new String[] {"{product}の{flaw}の脆弱性が攻撃に悪用される", "{vendor}、{product}の{flaw}の脆弱性の悪用を確認",
                    "{product}のゼロデイ脆弱性、攻撃者による悪用が続く", "米CISAが{product}の脆弱性をKEVに追加"};
            case "vuln-patch" -> new String[] {"{vendor}が{product}の{flaw}の脆弱性を修正", "{product}に深刻な脆弱性、{n}件を修正",
                    "{vendor}の月例更新、{product}など{n}件の脆弱性に対処", "{product}の{flaw}の脆弱性、概念実証コードが公開"};
            case "ransomware" -> new String[] {"{sector}の{org}にランサムウェア攻撃", "{org}がランサムウェア被害を公表、{impact}",
                    "{actor}が{org}への攻撃を主張、データを公開"};
            case "breach" -> new String[] {"{org}で{n}万件の個人情報が流出した可能性", "{org}に不正アクセス、{data}が漏えい",
                    "{org}の委託先で情報漏えい、{data}など"};
            case "phishing" -> new String[] {"{brand}を装うフィッシングメールに注意", "{brand}をかたる偽サイト、{data}を詐取"};
            default -> new String[] {"{malware}の新しい亜種が{target}を狙う", "{malware}を使う攻撃が{target}で拡大",
                    "{malware}の配布に検索広告が悪用される"};
        }), f);
    }

    private String followUpTitle(String type, Fill f) {
        String subject = switch (type) {
            case "vuln-exploited", "vuln-patch" -> "{product}の脆弱性";
            case "ransomware", "breach" -> "{org}への攻撃";
            case "phishing" -> "{brand}を装うフィッシング";
            default -> "{malware}";
        };
        return fillIn(subject + "、" + pick(new String[] {"悪用が拡大", "修正版が公開される", "被害の範囲が明らかに", "新たな脆弱性も確認",
                "復旧の見通しを公表", "追加の被害を確認", "米CISAがKEVに追加", "攻撃者が身代金を要求", "警察が捜査を開始"}), f);
    }

    private String originalTitle(String type, Fill f, boolean followUp) {
        String[] choices = switch (type) {
            case "vuln-exploited" -> new String[] {"{vendorEn} warns of {product} {flawEn} flaw exploited in attacks",
                    "Hackers exploit {vendorEn} {product} {flawEn} zero-day", "CISA adds {vendorEn} {product} flaw to KEV catalog"};
            case "vuln-patch" -> new String[] {"{vendorEn} fixes critical {product} {flawEn} vulnerability", "{vendorEn} patches {n} flaws in {product}",
                    "PoC exploit released for {vendorEn} {product} {flawEn} bug"};
            case "ransomware" -> new String[] {"{orgEn} hit by {actor} ransomware attack", "Japanese {sectorEn} {orgEn} discloses ransomware attack",
                    "{actor} gang claims attack on {orgEn}"};
            case "breach" -> new String[] {"{orgEn} data breach exposes info of {n}0,000 people", "{orgEn} discloses breach after unauthorized access",
                    "{orgEn} says vendor breach exposed {dataEn}"};
            case "phishing" -> new String[] {"Phishing campaign impersonates {brandEn} to steal {dataEn}", "Fake {brandEn} sites target Japanese users"};
            default -> new String[] {"New {malware} variant targets {targetEn}", "{malware} malware spreads through malicious search ads",
                    "{malware} attacks on {targetEn} surge"};
        };
        return (followUp ? pick(new String[] {"Update: ", "", "More victims: ", ""}) : "") + fillIn(pick(choices), f);
    }

    private List<String> summary(String type, Fill f, boolean followUp) {
        String[][] parts = switch (type) {
            case "vuln-exploited", "vuln-patch" -> new String[][] {
                    {"{vendor}は{product}の{flaw}の脆弱性が攻撃に悪用されていると公表した。", "{product}に{flaw}の脆弱性が見つかり、{vendor}が修正版を公開した。",
                            "{vendor}は{product}に影響する{flaw}の脆弱性について注意を呼びかけた。", "{product}の{flaw}の脆弱性を突く攻撃が{month}月から観測されている。"},
                    {"認証されていない攻撃者が細工したHTTPリクエストで任意のコードを実行できる。", "管理インタフェースがインターネットに公開されている機器が狙われている。",
                            "CVSSの基本値は{score}で、深刻度は「緊急」とされる。", "影響を受けるのはバージョン{version}より前の製品である。",
                            "攻撃者は脆弱性を悪用してWebシェルを設置し、認証情報を窃取している。", "セキュリティ企業の調査では{n}00台以上の機器が影響を受けるという。"},
                    {"{vendor}はバージョン{version}以降への更新を推奨している。", "米CISAは連邦政府機関に対し{n}日以内の対応を求めた。",
                            "修正版の適用が難しい場合は管理画面へのアクセスを制限するよう求めている。", "国内でも悪用を狙ったスキャンが観測されている。"}};
            case "ransomware" -> new String[][] {
                    {"{org}は{month}月{n}日に社内の複数のサーバがランサムウェアに感染したと発表した。", "{sector}の{org}がランサムウェア攻撃を受け、システムの一部が暗号化された。",
                            "{actor}が{org}への攻撃を犯行声明サイトで主張した。", "{prefecture}にある{sector}の{org}がランサムウェア攻撃を受けたと発表した。"},
                    {"{impact}。", "攻撃者はVPN機器の脆弱性を突いて侵入したとみられる。", "{actor}は盗んだとする{n}0GBのデータの公開を予告している。",
                            "バックアップからの復旧作業を進めている。"},
                    {"{data}が流出した可能性を調べている。", "同社は警察と個人情報保護委員会に届け出た。", "外部の専門家と協力して被害の範囲を調査している。",
                            "取引先には個別に連絡するとしている。"}};
            case "breach" -> new String[][] {
                    {"{org}は外部からの不正アクセスにより{data}が流出した可能性があると発表した。", "{org}のWebサーバが不正アクセスを受け、最大{n}万件の{data}が漏えいした可能性がある。",
                            "{org}が業務を委託していた事業者のシステムが侵害された。", "{prefecture}の{org}は、{data}を含むファイルが外部から閲覧できる状態だったと発表した。"},
                    {"攻撃者は管理者のアカウント情報を使って侵入したとみられる。", "クレジットカード情報の不正利用は確認されていないという。",
                            "設定の不備により、ファイルが外部から閲覧できる状態だった。", "{month}月ごろから不審な通信が続いていたことがわかった。"},
                    {"対象者には個別に連絡し、不審なメールへの注意を呼びかけている。", "同社はパスワードのリセットを利用者に求めている。", "個人情報保護委員会に報告した。",
                            "再発防止策として多要素認証を導入する。"}};
            case "phishing" -> new String[][] {
                    {"{brand}を装うフィッシングメールが多数確認されている。", "{brand}をかたるSMSで偽サイトに誘導する手口が広がっている。"},
                    {"偽サイトでは{data}の入力を求められる。", "メールの件名には「お支払い方法の確認」などの文言が使われている。",
                            "偽サイトは正規のサイトとよく似たデザインで作られている。", "QRコードを使って携帯電話で開かせる手口も確認された。"},
                    {"フィッシング対策協議会は、リンクを開かず公式アプリから確認するよう呼びかけている。", "入力してしまった場合はすぐにパスワードを変更するよう求めている。",
                            "被害の報告は{n}00件を超えているという。"}};
            default -> new String[][] {
                    {"{malware}の新しい亜種が{target}を狙う攻撃で確認された。", "攻撃グループが{malware}を使って{target}を攻撃していることがわかった。",
                            "セキュリティ企業が{malware}の新たな配布キャンペーンを報告した。"},
                    {"感染は偽のソフトウェア更新を装ったダウンロードから始まる。", "{malware}はブラウザに保存された認証情報や暗号資産のウォレットを盗む。",
                            "検知を逃れるため、正規の署名付きドライバを悪用している。", "C2サーバとの通信にはHTTPSとDNSトンネリングを使う。"},
                    {"研究者は侵害の痕跡となるハッシュ値とドメインを公開した。", "不審なファイルの実行を防ぐため、アプリケーションの許可リストの運用が勧められている。",
                            "日本国内の組織も標的に含まれているという。"}};
        };
        List<String> sentences = new ArrayList<>();
        for (String[] part : parts) {
            sentences.add(fillIn(pick(part), f));
        }
        if (followUp) {
            sentences.set(0, fillIn(pick(new String[] {"前回報じた件について、新たな情報が公表された。", "この件の続報で、被害の範囲が当初の発表より広いことがわかった。",
                    "{month}月{n}日に追加の情報が公開された。", "捜査関係者によると、攻撃は数週間前から準備されていたという。"}), f));
        }
        return sentences;
    }

    private String fillIn(String template, Fill f) {
        StringBuilder out = new StringBuilder();
        int at = 0;
        while (true) {
            int open = template.indexOf('{', at);
            if (open < 0) {
                return out.append(template, at, template.length()).toString();
            }
            int close = template.indexOf('}', open);
            out.append(template, at, open);
            out.append(switch (template.substring(open + 1, close)) {
                case "vendor", "vendorEn" -> f.vendor;
                case "product" -> f.product;
                case "flaw" -> f.flaw[0];
                case "flawEn" -> f.flaw[1];
                case "org" -> f.orgJa();
                case "orgEn" -> f.orgEn();
                case "sector" -> f.kind[2];
                case "prefecture" -> f.prefecture;
                case "sectorEn" -> f.kind[3];
                case "actor" -> f.actor;
                case "malware" -> f.malware;
                case "brand" -> f.brand[0];
                case "brandEn" -> f.brand[1];
                case "data" -> f.data[0];
                case "dataEn" -> f.data[1];
                case "target" -> f.target[0];
                case "targetEn" -> f.target[1];
                case "impact" -> f.impact;
                case "n" -> String.valueOf(2 + r.nextInt(60));
                case "month" -> String.valueOf(1 + r.nextInt(12));
                case "score" -> String.format(Locale.ROOT, "%.1f", 7 + r.nextInt(31) / 10.0);
                case "version" -> (1 + r.nextInt(20)) + "." + r.nextInt(10) + "." + r.nextInt(30);
                default -> throw new IllegalArgumentException(template);
            });
            at = close + 1;
        }
    }

    private <T> T pick(T[] choices) {
        return choices[r.nextInt(choices.length)];
    }

    private static final String[] TYPES = {"vuln-exploited", "vuln-exploited", "vuln-exploited", "vuln-patch", "vuln-patch", "ransomware",
            "ransomware", "breach", "breach", "phishing", "malware", "malware"};
    private static final String[][] PRODUCTS = {{"Fortinet", "FortiWeb"}, {"Fortinet", "FortiGate"}, {"Fortinet", "FortiOS"}, {"Cisco", "ASA"},
            {"Cisco", "IOS XE"}, {"Ivanti", "Connect Secure"}, {"Ivanti", "EPMM"}, {"Citrix", "NetScaler ADC"}, {"Microsoft", "Exchange Server"},
            {"Microsoft", "SharePoint"}, {"Microsoft", "Windows"}, {"VMware", "ESXi"}, {"VMware", "vCenter Server"}, {"Palo Alto Networks", "PAN-OS"},
            {"SonicWall", "SMA 100"}, {"Atlassian", "Confluence"}, {"Apache", "Tomcat"}, {"Progress", "MOVEit Transfer"}, {"Zyxel", "NAS326"},
            {"Juniper", "Junos OS"}, {"F5", "BIG-IP"}, {"Oracle", "WebLogic Server"}, {"SAP", "NetWeaver"}, {"Google", "Chrome"}, {"Apple", "iOS"},
            {"GitLab", "GitLab CE"}, {"Jenkins", "Jenkins"}, {"Veeam", "Backup & Replication"}, {"QNAP", "QTS"}, {"TP-Link", "Archer"},
            {"WatchGuard", "Firebox"}, {"Check Point", "Quantum Gateway"}, {"Trend Micro", "Apex One"}, {"Sophos", "Firewall"}, {"Mozilla", "Firefox"},
            {"Adobe", "ColdFusion"}, {"Roundcube", "Webmail"}, {"Zimbra", "Collaboration"}, {"Synology", "DiskStation Manager"},
            {"ConnectWise", "ScreenConnect"}, {"Cleo", "Harmony"}, {"CrushFTP", "CrushFTP"}, {"Commvault", "Command Center"}, {"Erlang", "OTP SSH"}};
    private static final String[][] FLAWS = {{"認証回避", "authentication bypass"}, {"リモートコード実行", "remote code execution"},
            {"OSコマンドインジェクション", "command injection"}, {"SQLインジェクション", "SQL injection"}, {"権限昇格", "privilege escalation"},
            {"パストラバーサル", "path traversal"}, {"クロスサイトスクリプティング", "XSS"}, {"サーバサイドリクエストフォージェリ", "SSRF"},
            {"安全でないデシリアライゼーション", "deserialization"}, {"境界外書き込み", "out-of-bounds write"}, {"解放後使用", "use-after-free"},
            {"ハードコードされた認証情報", "hardcoded credentials"}, {"サービス拒否", "denial of service"}, {"情報漏えい", "information disclosure"},
            {"型の取り違え", "type confusion"}, {"ヒープバッファオーバーフロー", "heap overflow"}};
    /** Japanese names, romanised: the first half of an organisation's name. */
    private static final String[][] ORGS = {{"東和", "Towa"}, {"北陸", "Hokuriku"}, {"三和", "Sanwa"}, {"共栄", "Kyoei"}, {"日進", "Nisshin"},
            {"富士", "Fuji"}, {"桜井", "Sakurai"}, {"木下", "Kinoshita"}, {"大和", "Yamato"}, {"中央", "Chuo"}, {"山陽", "Sanyo"}, {"丸山", "Maruyama"},
            {"高砂", "Takasago"}, {"若葉", "Wakaba"}, {"青葉", "Aoba"}, {"朝日", "Asahi"}, {"平和", "Heiwa"}, {"光洋", "Koyo"}, {"新星", "Shinsei"},
            {"千代田", "Chiyoda"}, {"瀬戸内", "Setouchi"}, {"北斗", "Hokuto"}, {"松風", "Matsukaze"}, {"白鷺", "Shirasagi"}, {"常盤", "Tokiwa"},
            {"藤沢", "Fujisawa"}, {"岡崎", "Okazaki"}, {"浜松", "Hamamatsu"}, {"四国", "Shikoku"}, {"九州", "Kyushu"}, {"緑川", "Midorikawa"},
            {"石狩", "Ishikari"}, {"鶴見", "Tsurumi"}, {"筑波", "Tsukuba"}, {"飛鳥", "Asuka"}, {"琴平", "Kotohira"}, {"霧島", "Kirishima"},
            {"那須", "Nasu"}, {"熊野", "Kumano"}, {"豊橋", "Toyohashi"}, {"稲葉", "Inaba"}, {"宮島", "Miyajima"}, {"杉並", "Suginami"},
            {"鳴門", "Naruto"}, {"桐生", "Kiryu"}, {"吉備", "Kibi"}, {"出雲", "Izumo"}, {"伊予", "Iyo"}, {"津軽", "Tsugaru"}, {"房総", "Boso"}};
    private static final String[] PREFECTURES = {"北海道", "青森県", "岩手県", "宮城県", "秋田県", "山形県", "福島県", "茨城県", "栃木県", "群馬県",
            "埼玉県", "千葉県", "東京都", "神奈川県", "新潟県", "富山県", "石川県", "福井県", "山梨県", "長野県", "岐阜県", "静岡県", "愛知県", "三重県",
            "滋賀県", "京都府", "大阪府", "兵庫県", "奈良県", "和歌山県", "鳥取県", "島根県", "岡山県", "広島県", "山口県", "徳島県", "香川県", "愛媛県",
            "高知県", "福岡県", "佐賀県", "長崎県", "熊本県", "大分県", "宮崎県", "鹿児島県", "沖縄県"};
    /** The second half of the name, in Japanese and English, and the sector in Japanese and English. */
    private static final String[][] ORG_KINDS = {{"精機", "Seiki", "部品メーカー", "parts maker"}, {"電機", "Denki", "電機メーカー", "electronics maker"},
            {"物流", "Logistics", "物流会社", "logistics firm"}, {"化学", "Chemical", "化学メーカー", "chemical maker"},
            {"製薬", "Pharmaceutical", "製薬会社", "drugmaker"}, {"商事", "Shoji", "商社", "trading house"}, {"工業", "Industries", "製造業", "manufacturer"},
            {"建設", "Construction", "建設会社", "construction firm"}, {"食品", "Foods", "食品メーカー", "food maker"},
            {"システム", "Systems", "IT企業", "IT services firm"}, {"ホールディングス", "Holdings", "持株会社", "holding company"},
            {"病院", "Hospital", "医療機関", "hospital"}, {"信用金庫", "Shinkin Bank", "金融機関", "bank"}, {"大学", "University", "大学", "university"},
            {"市役所", "City Office", "自治体", "city government"}, {"市民病院", "City Hospital", "医療機関", "hospital"}, {"学園", "Gakuen", "学校法人", "school"}};
    private static final String[] SECTORS = {"部品メーカー", "医療機関", "自治体", "物流会社", "食品メーカー", "製薬会社", "建設会社", "商社", "金融機関", "大学"};
    private static final String[] RANSOMWARE = {"LockBit", "Akira", "Qilin", "Play", "Black Basta", "RansomHub", "Medusa", "BlackSuit", "8Base",
            "Hunters International", "Cl0p", "INC Ransom", "SafePay", "Interlock", "Kawa4096", "Gunra"};
    private static final String[] MALWARE = {"Emotet", "QakBot", "Lumma Stealer", "RedLine", "Cobalt Strike", "IcedID", "AsyncRAT", "PlugX",
            "DarkGate", "Latrodectus", "Raspberry Robin", "SocGholish", "Vidar", "XLoader", "Remcos", "ANEL", "LODEINFO", "NOOPDOOR"};
    private static final String[][] BRANDS = {{"宅配業者", "delivery companies"}, {"大手銀行", "major banks"}, {"大手ECサイト", "Amazon"},
            {"クレジットカード会社", "card issuers"}, {"国税庁", "the National Tax Agency"}, {"携帯電話会社", "mobile carriers"},
            {"Microsoft 365", "Microsoft 365"}, {"証券会社", "brokerages"}, {"高速道路会社", "ETC"}, {"電力会社", "power utilities"}};
    private static final String[][] DATA = {{"氏名や住所", "names and addresses"}, {"メールアドレス", "email addresses"},
            {"クレジットカード情報", "card data"}, {"顧客の個人情報", "customer data"}, {"従業員の個人情報", "employee data"},
            {"取引先の情報", "partner data"}, {"患者の診療情報", "patient records"}, {"口座情報", "bank account details"},
            {"ログイン情報", "credentials"}, {"電話番号と生年月日", "phone numbers and birth dates"}};
    private static final String[][] TARGETS = {{"国内の製造業", "Japanese manufacturers"}, {"金融機関", "banks"}, {"医療機関", "healthcare"},
            {"政府機関", "government agencies"}, {"暗号資産の利用者", "crypto users"}, {"ゲーマー", "gamers"}, {"開発者", "developers"},
            {"学術機関", "academia"}, {"防衛産業", "the defense industry"}};
    private static final String[] IMPACTS = {"生産ラインが停止した", "出荷に遅れが出ている", "外来診療を制限している", "窓口業務を一時停止した",
            "オンライン予約を停止した", "基幹システムが停止した", "受注業務に影響が出ている", "電子メールが使えなくなった"};
    private static final String[] RECOMMENDATIONS = {"{product}を修正版へ更新する。", "管理インターフェースをインターネットに公開しない。",
            "不審なメールの添付ファイルを開かない。", "多要素認証を有効にする。", "不要なサービスを停止する。", "ログを確認し、不審な通信がないか調べる。"};
    private static final String[] NOTES = {"既に攻撃が行われている脆弱性である。", "攻撃者は特定されていない。", "ランサムウェアによる攻撃である。",
            "攻撃者の情報は記事に記載されていない。", "被害の全容は明らかになっていない。"};
    private static final String[] AI_RECOMMENDATIONS = {"管理画面へのアクセス元を制限し、身に覚えのない管理者アカウントがないか確認する。",
            "バックアップをネットワークから切り離して保管し、復元の手順を確かめる。", "VPN機器のファームウェアを最新に保ち、認証ログを監視する。",
            "フィッシングの手口を従業員に周知し、報告の窓口を決めておく。", "EDRの検知ルールを更新し、公開されたIOCで過去のログを検索する。"};
    private static final String[] ACTION_REASONS = {"攻撃での悪用が確認されており、修正版が公開済み", "自社で使う製品に影響する",
            "KEVに追加された脆弱性である", "認証回避と組み合わせた悪用が確認されている"};
    private static final String[] DOMAIN_WORDS = {"update", "secure", "cloud", "login", "cdn", "office", "portal", "support", "mail", "sync",
            "api", "verify", "account", "docs", "file", "share", "download", "auth", "status", "static"};
    private static final String[] TLDS = {".com", ".net", ".org", ".info", ".top", ".xyz", ".ru", ".cn", ".io", ".biz", ".shop", ".online"};
    private static final String[] PATHS = {"login.php", "wp-content/update.js", "api/v1/check", "invoice.zip", "verify/index.html", "gate.php"};
}
