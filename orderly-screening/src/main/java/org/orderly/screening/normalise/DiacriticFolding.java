package org.orderly.screening.normalise;

import java.text.Normalizer;

/** Removes combining marks left after transliteration ({@code é → e}) and keeps only ASCII. */
public final class DiacriticFolding implements TextStage {
    @Override
    public String apply(String text) {
        if (ScriptToLatin.isAscii(text)) {
            return text;
        }
        String decomposed = Normalizer.normalize(text, Normalizer.Form.NFD);
        StringBuilder out = new StringBuilder(decomposed.length());
        for (int i = 0; i < decomposed.length(); i++) {
            char c = decomposed.charAt(i);
            int type = Character.getType(c);
            if (type == Character.NON_SPACING_MARK
                    || type == Character.ENCLOSING_MARK
                    || type == Character.COMBINING_SPACING_MARK
                    || type == Character.MODIFIER_LETTER
                    || type == Character.MODIFIER_SYMBOL) {
                continue;
            }
            out.append(c < 0x80 ? c : ' ');
        }
        return out.toString();
    }
}
