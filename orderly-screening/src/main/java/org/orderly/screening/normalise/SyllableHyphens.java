package org.orderly.screening.normalise;

import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.orderly.screening.compare.Romanisations;

/**
 * Joins the syllables of a Chinese or Korean given name written with hyphens (Wade-Giles {@code Tse-tung},
 * McCune-Reischauer {@code Chong-il}) into one word, as Pinyin and Revised Romanization write it ({@code Zedong},
 * {@code Jeongil}); only when every part is a single romanised syllable, so Jean-Pierre or Anne-Marie stay two words.
 * It reads the name as written, before any transliteration (the hyphens ICU puts between Hangul syllables it reads
 * are left alone).
 */
public final class SyllableHyphens implements TextStage {
    private static final Pattern HYPHENATED = Pattern.compile("[A-Za-z'\u2019]+(?:-[A-Za-z'\u2019]+)+");

    @Override
    public String apply(String text) {
        if (text.indexOf('-') < 0) {
            return text;
        }
        Matcher m = HYPHENATED.matcher(text);
        StringBuilder out = new StringBuilder(text.length());
        while (m.find()) {
            // Wade-Giles marks aspiration with an apostrophe: Ch'ien-tai.
            String[] parts = m.group().replace("'", "").replace("\u2019", "").split("-");
            boolean syllables = true;
            for (String part : parts) {
                syllables &= Romanisations.syllable(part.toLowerCase(java.util.Locale.ROOT));
            }
            m.appendReplacement(out, syllables ? String.join("", parts) : m.group());
        }
        m.appendTail(out);
        return out.toString();
    }
}
