package org.orderly.screening.normalise;

import java.util.ArrayList;
import java.util.List;

/**
 * Cuts lower-case ASCII text into tokens: apostrophes and similar marks (ayn/hamza transcriptions, {@code o'}) are
 * dropped inside a word, every other non-letter separates words, digits are discarded.
 */
public final class Punctuation {
    public List<NameToken> tokens(String text) {
        List<NameToken> tokens = new ArrayList<>(4);
        StringBuilder word = new StringBuilder();
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c >= 'a' && c <= 'z') {
                word.append(c);
            } else if (c == '\'' || c == '`' || c == '?' || c == '"') {
                continue;
            } else if (word.length() > 0) {
                tokens.add(NameToken.word(word.toString()));
                word.setLength(0);
            }
        }
        if (word.length() > 0) {
            tokens.add(NameToken.word(word.toString()));
        }
        return tokens;
    }
}
