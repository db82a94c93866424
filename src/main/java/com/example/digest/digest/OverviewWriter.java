package com.example.digest.digest;

/** The overview of a day written without a model: counts of what was collected and what needs action. */
public class OverviewWriter {

    public String offline(Digest d) {
        int news = d.items().size();
        int incidents = d.incidents().size();
        int actions = d.actions().size();
        if ("en".equals(d.language())) {
            return "This digest collects " + news + " news item(s) and " + incidents + " Japanese breach incident(s); "
                    + actions + " item(s) call for action. The summaries were made without a language model.";
        }
        return "本日は" + news + "件のニュースと" + incidents + "件の国内の侵害事例を収集した。対応が必要な項目は" + actions
                + "件。要約はLLMを使わずに作成した。";
    }
}
