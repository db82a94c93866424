package com.example.digest.digest;

import java.util.List;

import com.example.digest.summarize.AnswerCache;
import dev.langchain4j.data.message.ChatMessage;
import dev.langchain4j.data.message.SystemMessage;
import dev.langchain4j.data.message.UserMessage;

/**
 * The overview of a day: written without a model (counts of what was collected and what needs action), or the model's
 * answer to the same overview prompt remembered in the model-answer cache, so that no token is spent on it twice.
 */
public class OverviewWriter {
    private final AnswerCache cache;

    public OverviewWriter(AnswerCache cache) {
        this.cache = cache;
    }

    /** The model's earlier overview for exactly these messages, or null. */
    public String cached(List<ChatMessage> prompt) {
        return cache.get(key(prompt)).orElse(null);
    }

    /** Remembers the model's overview for these messages; returns it unchanged. */
    public String remember(List<ChatMessage> prompt, String overview) {
        if (overview != null && !overview.isBlank()) {
            cache.put(key(prompt), overview);
        }
        return overview;
    }

    private static String key(List<ChatMessage> prompt) {
        StringBuilder key = new StringBuilder("overview");
        for (ChatMessage m : prompt) {
            String text = m instanceof SystemMessage s ? s.text() : m instanceof UserMessage u ? u.singleText() : m.toString();
            key.append('\u0000').append(m.type()).append('\u0000').append(text);
        }
        return key.toString();
    }

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
