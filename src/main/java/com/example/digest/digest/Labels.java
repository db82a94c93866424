package com.example.digest.digest;

/** The fixed words of a digest in one language ({@code digest.language}: ja or en). */
public record Labels(String heading, String actions, String overview, String news, String summary, String iocs,
                     String recommendations, String other, String aiRecommendations, String incidents, String feedStatus,
                     String noIocs, String unknown, String none, String noIncidents, String noActions,
                     String offlineNote, String fallbackNote, String feedOk, String feedFailed, String newItems,
                     String failures, String feedDetail, String budgetReached, String budgetNote) {

    public static Labels of(String language) {
        return "en".equals(language) ? ENGLISH : JAPANESE;
    }

    public static final Labels JAPANESE = new Labels("日々のニュース要約", "課題", "概要", "ニュース", "要約", "IOCの列挙", "推奨事項",
            "その他", "AIの推奨事項", "日本の侵害事例", "取得状況", "IOC情報なし", "不明", "なし", "該当なし", "N/A",
            "要約はLLMを使わずに本文の冒頭から作成した（モデルが設定されていないため）。",
            "要約はLLMを使わずに本文の冒頭から作成した（モデルの応答が得られなかったため）。",
            "正常", "失敗", "新着 %d件", "%s、連続%d回失敗: %s", "%s（%s）", "本日のトークン上限に達した",
            "要約はLLMを使わずに本文の冒頭から作成した（本日のトークン上限に達したため）。");

    public static final Labels ENGLISH = new Labels("Daily News Digest", "Action items", "Overview", "News", "Summary", "IOCs",
            "Recommendations", "Other", "AI recommendations", "Japanese breach incidents", "Feed status", "No IOCs", "Unknown",
            "None", "None", "N/A",
            "Summary taken from the opening of the article without an LLM (no model is configured).",
            "Summary taken from the opening of the article without an LLM (the model gave no usable answer).",
            "ok", "failing", "%d new", "%s, %d consecutive failures: %s", "%s (%s)", "daily token budget reached",
            "Summary taken from the opening of the article without an LLM (the daily token budget was reached).");
}
