package dev.newsdigest.story;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Properties;

import dev.newsdigest.support.LogCapture;
import dev.newsdigest.support.OpenAiStub;
import dev.newsdigest.support.PipelineTestSupport;
import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A small local model that answers badly must not merge a day into one item. Thirteen articles of one day, each the breach
 * of a different company, none naming a CVE; every one names Microsoft 365 and "an unknown threat actor". The model stub
 * answers, for every article, one event key that names Microsoft; or the schema's own example key and victim; or
 * placeholder text in every field. In each case the day keeps one item per article.
 */
class BadModelStoriesTest extends PipelineTestSupport {
    static final List<String> COMPANIES = List.of("Harbor Freight Lines", "Pinecrest Dental", "Orbiton Insurance", "Kestrel Foods",
            "Valemont University", "Quayside Hotels", "Brightwater Utilities", "Norrland Shipping", "Calloway Retail",
            "Duneview Clinics", "Ashgrove Logistics", "Marlow Pharmacy", "Tideline Credit Union");
    private static final List<String> TITLES = List.of("%s discloses data breach after email intrusion",
            "Hackers stole customer records from %s", "%s says attackers accessed patient files",
            "Data of 40,000 people exposed in %s cyberattack", "%s warns staff of stolen personal data",
            "%s notifies guests about breached reservation system", "Breach at %s hits billing database",
            "%s confirms theft of employee information", "Shoppers' details taken in %s hack",
            "%s investigates unauthorized access to records", "%s: intruders copied shipment data",
            "Prescriptions database of %s breached", "Members of %s told their data leaked");
    private static final DateTimeFormatter RFC_1123 = DateTimeFormatter.RFC_1123_DATE_TIME.withZone(ZoneOffset.UTC);

    @Override
    protected Properties settings() {
        Properties p = super.settings();
        p.put("digest.feeds", "news");
        p.put("digest.feed.news.url", web.url("/day.rss"));
        StringBuilder items = new StringBuilder();
        Instant day = Instant.parse("2026-03-10T09:00:00Z");
        for (int n = 0; n < COMPANIES.size(); n++) {
            String path = "/breach/" + n + ".html";
            String title = String.format(TITLES.get(n), COMPANIES.get(n));
            items.append("<item><title>").append(title).append("</title><link>").append(web.url(path)).append("</link><pubDate>")
                    .append(RFC_1123.format(day.plusSeconds(60L * n))).append("</pubDate></item>\n");
            web.serve(path, 200, "text/html; charset=utf-8", page(title, COMPANIES.get(n)));
        }
        web.serve("/day.rss", 200, "application/rss+xml", "<?xml version=\"1.0\"?><rss version=\"2.0\"><channel><title>news</title>"
                + "<link>https://news.example.com/</link>" + items + "</channel></rss>");
        return p;
    }

    private static String page(String title, String company) {
        return "<html><head><title>" + title + "</title></head><body><article><h1>" + title + "</h1>"
                + "<p>" + company + " said on Monday that an unknown threat actor had signed in to its Microsoft 365 tenant with a stolen"
                + " password and copied files holding the names, addresses and account numbers of its customers.</p>"
                + "<p>The company has reset the affected accounts, turned on multi-factor authentication for every employee and"
                + " reported the incident to the regulator, and it is writing to the people whose data was taken.</p>"
                + "<p>" + company + " has not said how many people were affected, and no group has claimed the attack so far.</p>"
                + "</article></body></html>";
    }

    private void theDayKeepsOneItemPerArticle(OpenAiStub.Mode mode) {
        model.mode(mode);
        poll();
        publish();
        JsonNode items = digestJson().path("items");
        assertThat(items).as("items of the day").hasSize(COMPANIES.size());
        for (JsonNode item : items) {
            assertThat(item.path("sources")).as("a merged story").isEmpty();
        }
    }

    @Test
    void aModelThatGivesEveryArticleOneKeyLeavesTheDayOneItemPerArticleAndSaysSo() {
        try (LogCapture log = new LogCapture()) {
            theDayKeepsOneItemPerArticle(OpenAiStub.Mode.ONE_KEY);
            assertThat(log.warnings()).anyMatch(w -> w.contains("publish-day: ") && w.contains("the model gave the event key '"
                    + OpenAiStub.ONE_KEY + "' to 13 of the day's 13 articles"));
            assertThat(log.warnings()).filteredOn(w -> w.contains(OpenAiStub.ONE_KEY)).as("one WARN for the value").hasSize(1);
        }
    }

    @Test
    void aModelThatCopiesTheSchemasExampleLeavesTheDayOneItemPerArticle() {
        theDayKeepsOneItemPerArticle(OpenAiStub.Mode.SCHEMA_EXAMPLE);
        // the example's victim is in no article, and the example's key is never a key
        assertThat(digestJson().path("items").findValues("eventKey")).isEmpty();
        assertThat(digestJson().path("items").findValues("victims")).isEmpty();
    }

    @Test
    void aModelThatAnswersPlaceholdersLeavesTheDayOneItemPerArticleAndSaysSo() {
        try (LogCapture log = new LogCapture()) {
            theDayKeepsOneItemPerArticle(OpenAiStub.Mode.PLACEHOLDERS);
            assertThat(log.warnings()).anyMatch(w -> w.contains("victim 'unknown' to 13 of the day's 13 articles"));
            // a month that is not a month is no month
            assertThat(digestJson().path("items").findValues("eventMonth")).isEmpty();
        }
    }
}
