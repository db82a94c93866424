package dev.newsdigest.story;

import java.text.Normalizer;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * An organisation's name as the story rules compare it: NFKC, case-folded, without punctuation, and without the
 * corporate forms that one source writes and another leaves out (Inc., Corporation, Co., Ltd., 株式会社, (株)...).
 */
public final class Names {
    static final Pattern JAPANESE_FORMS = Pattern.compile("株式会社|有限会社|合同会社|\\(株\\)|（株）|㈱|\\(有\\)|地方独立行政法人|独立行政法人|一般社団法人|公益財団法人");
    private static final List<String> LATIN_FORMS = List.of("incorporated", "inc", "corporation", "corp", "company", "co", "limited", "ltd",
            "llc", "plc", "gmbh", "ag", "sa", "nv", "bv", "kk", "holdings", "group");

    private Names() {
    }

    /** Whether a folded word is a corporate form ("inc", "ltd", "holdings"...) that one source writes and another not. */
    static boolean isCorporateForm(String word) {
        return LATIN_FORMS.contains(word);
    }

    public static String fold(String name) {
        if (name == null) {
            return "";
        }
        String s = Normalizer.normalize(name, Normalizer.Form.NFKC).toLowerCase(Locale.ROOT);
        s = JAPANESE_FORMS.matcher(s).replaceAll(" ");
        s = s.replaceAll("[\\p{P}\\p{S}]+", " ").strip();
        String[] words = s.split("\\s+");
        int end = words.length;
        while (end > 1 && isCorporateForm(words[end - 1])) {
            end--; // "Casio Computer Co Ltd" -> "casio computer"; a name that is only a form stays
        }
        return String.join(" ", java.util.Arrays.copyOf(words, end)).replace(" ", "");
    }
}
