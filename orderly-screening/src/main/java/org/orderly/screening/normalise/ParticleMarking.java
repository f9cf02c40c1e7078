package org.orderly.screening.normalise;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * Marks connecting particles (Arabic al/el/bin/ibn, Dutch and German van/von/der, Romance de/da/di/del/la…) so that
 * their presence or absence barely moves a score, and splits a glued Arabic article ({@code alrashid → al rashid})
 * so that "Al-Rashid", "al Rashid" and "Alrashid" agree. A particle that is the last token is a name, not a particle.
 */
public final class ParticleMarking implements TokenStage {
    static final Set<String> PARTICLES = Set.of(
            "al", "el", "ul", "ud", "ur", "ad", "ar", "as", "ash", "at", "az", "an", "bin", "ibn", "ben", "bint",
            "binti", "bte", "bt", "ould", "wa", "van", "von", "der", "den", "ter", "ten", "zu", "de", "da", "di", "del",
            "della", "dei", "degli", "dos", "das", "do", "du", "des", "la", "le", "lo", "y", "e", "st");
    private static final Set<String> GLUED_ARTICLES = Set.of("al", "el");

    @Override
    public List<NameToken> apply(List<NameToken> tokens) {
        List<NameToken> out = new ArrayList<>(tokens.size() + 1);
        for (int i = 0; i < tokens.size(); i++) {
            String text = tokens.get(i).text();
            boolean last = i == tokens.size() - 1;
            if (PARTICLES.contains(text) && !last && tokens.size() > 1) {
                out.add(new NameToken(text, true));
            } else if (text.length() >= 6 && GLUED_ARTICLES.contains(text.substring(0, 2)) && isSunOrMoonStart(text)) {
                out.add(new NameToken(text.substring(0, 2), true));
                out.add(NameToken.word(text.substring(2)));
            } else {
                out.add(tokens.get(i));
            }
        }
        return out;
    }

    // "al" glued to a word is an article only when a consonant follows it ("alrashid"), not in "alexander" or "elena"
    // where the next letter is a vowel, nor in "allen"/"ellis" where it doubles.
    private static boolean isSunOrMoonStart(String text) {
        char third = text.charAt(2);
        char fourth = text.charAt(3);
        return "aeiouylx".indexOf(third) < 0 && "aeiouy".indexOf(fourth) >= 0 && third != fourth;
    }
}
