package dev.newsdigest.story;

import java.io.IOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import dev.newsdigest.model.Ioc;
import dev.newsdigest.summarize.IocExtractor;
import dev.newsdigest.support.Fixtures;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The story rules on the labelled pairs of {@code src/test/resources/stories/}: 46 articles told as security news tells
 * them (English and Japanese), each with the answer a good model gives, and 66 pairs labelled same story or not.
 * Pairwise precision and recall with the model's entities, and offline (CVE ids from the text and titles only).
 */
class StoryPairsTest {
    record Pair(String a, String b, boolean same) {
    }

    record Score(int tp, int fp, int fn, int tn, List<String> wrong) {
        double precision() {
            return tp + fp == 0 ? 1 : (double) tp / (tp + fp);
        }

        double recall() {
            return tp + fn == 0 ? 1 : (double) tp / (tp + fn);
        }
    }

    static Map<String, JsonNode> articles() throws IOException {
        Map<String, JsonNode> byId = new HashMap<>();
        for (JsonNode a : new ObjectMapper().readTree(Fixtures.text("stories/articles.json"))) {
            byId.put(a.path("id").asText(), a);
        }
        return byId;
    }

    static List<Pair> pairs() {
        List<Pair> pairs = new ArrayList<>();
        for (String line : Fixtures.text("stories/pairs.csv").lines().toList()) {
            if (!line.isBlank() && !line.startsWith("#")) {
                String[] f = line.split(",");
                pairs.add(new Pair(f[0], f[1], f[2].strip().equals("same")));
            }
        }
        return pairs;
    }

    /** The facts of an article as the pipeline would have them: CVE ids found in its text, the model's recorded answer. */
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
        return new StoryFacts(article.path("lang").asText(), article.path("title").asText(), cves, victims,
                answer.path("eventType").asText(null), answer.path("eventKey").asText(null));
    }

    static Score score(boolean offline) throws IOException {
        Map<String, JsonNode> articles = articles();
        int tp = 0, fp = 0, fn = 0, tn = 0;
        List<String> wrong = new ArrayList<>();
        for (Pair p : pairs()) {
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
        Map<String, JsonNode> articles = articles();
        List<Pair> pairs = pairs();
        assertThat(pairs).hasSizeGreaterThanOrEqualTo(60);
        assertThat(pairs).extracting(p -> articles.get(p.a()).path("lang").asText() + "-" + articles.get(p.b()).path("lang").asText())
                .contains("en-en", "ja-ja").containsAnyOf("en-ja", "ja-en");
        for (JsonNode a : articles.values()) {
            String text = a.path("title").asText() + "\n" + a.path("text").asText();
            a.path("answer").path("victims").forEach(v -> assertThat(text).as(a.path("id").asText()).contains(v.path("original").asText()));
        }
    }

    @Test
    void withTheModelsEntitiesMergesArePreciseAndFindMostStories() throws IOException {
        Score s = score(false);
        System.out.printf("stories (model entities): precision %.3f recall %.3f (tp %d fp %d fn %d tn %d) %s%n",
                s.precision(), s.recall(), s.tp(), s.fp(), s.fn(), s.tn(), s.wrong());
        assertThat(s.precision()).isGreaterThanOrEqualTo(0.97);
        assertThat(s.recall()).isGreaterThanOrEqualTo(0.85);
    }

    @Test
    void offlineMergesArePreciseWithTheRecallTheyGet() throws IOException {
        Score s = score(true);
        System.out.printf("stories (offline): precision %.3f recall %.3f (tp %d fp %d fn %d tn %d) %s%n",
                s.precision(), s.recall(), s.tp(), s.fp(), s.fn(), s.tn(), s.wrong());
        assertThat(s.precision()).isGreaterThanOrEqualTo(0.97);
    }
}
