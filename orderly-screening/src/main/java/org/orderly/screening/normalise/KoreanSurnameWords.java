package org.orderly.screening.normalise;

import java.util.ArrayList;
import java.util.List;
import org.orderly.screening.compare.KoreanSpellings;

/**
 * The surname of a Korean name that the other stages misread: 이, 오, 우 read (and written by Revised Romanization) as
 * one letter, which the comparator takes for an initial, and 안 read "an", which {@link ParticleMarking} takes for an
 * Arabic article. When every other word of the name reads as Korean syllables ({@link KoreanSpellings}), a first or
 * last part that is such a letter is written as the surname's usual spelling (I Jimin → lee jimin, 이명박 → lee
 * myeongbag), and a first "an" is a word (An Se-young). Both sides of a comparison pass through here, so "I Myeongbak",
 * "이명박" and "Lee Myung-bak" meet.
 */
public final class KoreanSurnameWords implements TokenStage {
    @Override
    public List<NameToken> apply(List<NameToken> tokens) {
        if (tokens.size() < 2) {
            return tokens;
        }
        for (int at : new int[] {0, tokens.size() - 1}) {
            NameToken token = tokens.get(at);
            String spelling = token.initial() ? KoreanSpellings.oneLetterSurname(token.text()) : null;
            boolean article = at == 0 && token.particle() && token.text().equals("an");
            if ((spelling != null || article) && othersReadAsKorean(tokens, at)) {
                List<NameToken> out = new ArrayList<>(tokens);
                out.set(at, NameToken.word(spelling != null ? spelling : token.text()));
                return out;
            }
        }
        return tokens;
    }

    private static boolean othersReadAsKorean(List<NameToken> tokens, int except) {
        for (int i = 0; i < tokens.size(); i++) {
            NameToken token = tokens.get(i);
            if (i != except && (token.particle() || KoreanSpellings.of(token.text()) == null)) {
                return false;
            }
        }
        return true;
    }
}
