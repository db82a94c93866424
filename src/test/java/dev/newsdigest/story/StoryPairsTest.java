package dev.newsdigest.story;

import java.io.IOException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import dev.newsdigest.model.Ioc;
import dev.newsdigest.summarize.Entities;
import dev.newsdigest.summarize.IocExtractor;
import dev.newsdigest.support.Fixtures;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The story rules on the labelled pairs of {@code src/test/resources/stories/}: articles told as security news tells them
 * (English and Japanese), each with the answer a good model gives, and pairs labelled same story or not. Two sets, reported
 * apart: the first (46 articles, 66 pairs, the set the rules were first written on) and {@code set2/}, written later of
 * other events and outlets, about the kinds of pair the first set lacked (one incident framed as a breach by one outlet and
 * as ransomware by another, a parent and its subsidiary, a CVE and a campaign's name, the same company's different
 * incidents). {@code set2/}'s pairs are split: {@code dev} ones the rules may be tuned on, {@code holdout} ones never.
 * Pairwise precision and recall with the model's entities, and offline (CVE ids from the text and titles only).
 */
class StoryPairsTest {
    static final String FIRST = "stories/";
    static final String SECOND = "stories/set2/";
    /**
     * The floors on the second set: the measured figures less 0.01 (docs/development.md). The targets are P 0.95 and R 0.85;
     * both parts are below them (the dev pairs hold the hardest cases: one company's two incidents in one month, one vendor's
     * two zero-days in one month), and the holdout pairs stay as they are measured: they are never tuned on.
     */
    static final double SECOND_DEV_PRECISION = 0.896;
    static final double SECOND_DEV_RECALL = 0.753;
    static final double SECOND_HOLDOUT_PRECISION = 0.814;
    static final double SECOND_HOLDOUT_RECALL = 0.599;
    record Pair(String a, String b, boolean same, String split, String kind) {
    }

    record Score(int tp, int fp, int fn, int tn, List<String> wrong) {
        double precision() {
            return tp + fp == 0 ? 1 : (double) tp / (tp + fp);
        }

        double recall() {
            return tp + fn == 0 ? 1 : (double) tp / (tp + fn);
        }

        String line(String name) {
            return String.format(java.util.Locale.ROOT, "stories %s: precision %.3f recall %.3f (tp %d fp %d fn %d tn %d) %s", name,
                    precision(), recall(), tp, fp, fn, tn, wrong);
        }
    }

    static Map<String, JsonNode> articles(String set) throws IOException {
        Map<String, JsonNode> byId = new HashMap<>();
        for (JsonNode a : new ObjectMapper().readTree(Fixtures.text(set + "articles.json"))) {
            byId.put(a.path("id").asText(), a);
        }
        return byId;
    }

    static List<Pair> pairs(String set) {
        List<Pair> pairs = new ArrayList<>();
        for (String line : Fixtures.text(set + "pairs.csv").lines().toList()) {
            if (!line.isBlank() && !line.startsWith("#")) {
                String[] f = line.split(",");
                pairs.add(new Pair(f[0].strip(), f[1].strip(), f[2].strip().equals("same"), f.length > 3 ? f[3].strip() : "dev",
                        f.length > 4 ? f[4].strip() : ""));
            }
        }
        return pairs;
    }

    /**
     * The facts of an article as the pipeline would have them: CVE ids found in its text, the model's recorded answer with
     * its vendors, products and actors grounded in the text and its event month against the text and the day, as
     * {@link Entities} grounds a live answer.
     */
    static StoryFacts facts(JsonNode article) {
        String text = article.path("title").asText() + "\n" + article.path("text").asText();
        Set<String> cves = new LinkedHashSet<>();
        for (Ioc ioc : new IocExtractor(Set.of()).find(text, Set.of())) {
            if (ioc.type().equals("cve")) {
                cves.add(ioc.value());
            }
        }
        JsonNode answer = article.path("answer");
        List<dev.newsdigest.model.Victim> victims = new ArrayList<>();
        answer.path("victims").forEach(v -> victims.add(new dev.newsdigest.model.Victim(v.path("name").asText(), v.path("original").asText())));
        Instant day = LocalDate.parse(article.path("day").asText()).atStartOfDay(ZoneOffset.UTC).toInstant();
        return new StoryFacts(article.path("lang").asText(), article.path("title").asText(), cves, victims,
                Entities.grounded(strings(answer.path("vendors")), text), Entities.grounded(strings(answer.path("products")), text),
                Entities.grounded(strings(answer.path("actors")), text), answer.path("eventType").asText(null),
                answer.path("eventKey").asText(null), Entities.eventMonth(answer.path("eventMonth").asText(null), text, day), day.toString());
    }

    private static List<String> strings(JsonNode array) {
        List<String> values = new ArrayList<>();
        array.forEach(v -> values.add(v.asText()));
        return values;
    }

    static Score score(String set, boolean offline, String split) throws IOException {
        Map<String, JsonNode> articles = articles(set);
        int tp = 0, fp = 0, fn = 0, tn = 0;
        List<String> wrong = new ArrayList<>();
        for (Pair p : pairs(set)) {
            if (split != null && !split.equals(p.split())) {
                continue;
            }
            StoryFacts a = facts(articles.get(p.a()));
            StoryFacts b = facts(articles.get(p.b()));
            StoryMatcher.Decision d = offline ? StoryMatcher.compare(a.offline(), b.offline()) : StoryMatcher.compare(a, b);
            if (d.same() && p.same()) {
                tp++;
            } else if (d.same()) {
                fp++;
                wrong.add("merged " + p.a() + " + " + p.b() + " (" + d.rule() + ")");
            } else if (p.same()) {
                fn++;
                wrong.add("missed " + p.a() + " + " + p.b() + " (" + d.rule() + ")");
            } else {
                tn++;
            }
        }
        return new Score(tp, fp, fn, tn, wrong);
    }

    @Test
    void theSetHasSixtyPairsAcrossBothLanguagesAndEveryRecordedEntityIsInItsArticle() throws IOException {
        for (String set : List.of(FIRST, SECOND)) {
            Map<String, JsonNode> articles = articles(set);
            List<Pair> pairs = pairs(set);
            assertThat(pairs).as(set).hasSizeGreaterThanOrEqualTo(set.equals(FIRST) ? 60 : 40);
            assertThat(pairs).extracting(p -> articles.get(p.a()).path("lang").asText() + "-" + articles.get(p.b()).path("lang").asText())
                    .contains("en-en", "ja-ja").containsAnyOf("en-ja", "ja-en");
            for (JsonNode a : articles.values()) {
                String text = a.path("title").asText() + "\n" + a.path("text").asText();
                a.path("answer").path("victims").forEach(v -> assertThat(text).as(a.path("id").asText()).contains(v.path("original").asText()));
            }
        }
    }

    @Test
    void theSecondSetHasAsManySameCompanyDifferentIncidentPairsAsSameIncidentPairsAndAHoldout() {
        List<Pair> pairs = pairs(SECOND);
        long same = pairs.stream().filter(Pair::same).count();
        // the same company, a parent and its subsidiary, or one vendor: a different incident of one organisation
        long sameCompanyOther = pairs.stream().filter(p -> !p.same() && !p.kind().equals("generic-word")).count();
        assertThat(sameCompanyOther).isGreaterThanOrEqualTo(same);
        assertThat(pairs).extracting(Pair::split).contains("dev", "holdout");
    }

    @Test
    void withTheModelsEntitiesMergesArePreciseAndFindMostStories() throws IOException {
        Score s = score(FIRST, false, null);
        System.out.println(s.line("(first set, model entities)"));
        assertThat(s.precision()).isGreaterThanOrEqualTo(0.97);
        assertThat(s.recall()).isGreaterThanOrEqualTo(0.85);
    }

    @Test
    void onTheSecondSetMergesArePreciseOnTheDevelopmentAndTheHoldoutPairs() throws IOException {
        Score dev = score(SECOND, false, "dev");
        Score holdout = score(SECOND, false, "holdout");
        System.out.println(dev.line("(second set, dev, model entities)"));
        System.out.println(holdout.line("(second set, holdout, model entities)"));
        assertThat(dev.precision()).isGreaterThanOrEqualTo(SECOND_DEV_PRECISION);
        assertThat(dev.recall()).isGreaterThanOrEqualTo(SECOND_DEV_RECALL);
        assertThat(holdout.precision()).isGreaterThanOrEqualTo(SECOND_HOLDOUT_PRECISION);
        assertThat(holdout.recall()).isGreaterThanOrEqualTo(SECOND_HOLDOUT_RECALL);
    }

    @Test
    void offlineMergesArePreciseWithTheRecallTheyGet() throws IOException {
        for (String set : List.of(FIRST, SECOND)) {
            Score s = score(set, true, null);
            System.out.println(s.line("(" + set + ", offline)"));
            assertThat(s.precision()).as(set).isGreaterThanOrEqualTo(0.97);
        }
    }
}
