package org.orderly.screening.normalise;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * Drops titles and honorifics (mr, dr, sheikh, haji…) that are not part of a person's name; a name made only of
 * such words is kept whole, since then the word is the name.
 */
public final class HonorificRemoval implements TokenStage {
    static final Set<String> HONORIFICS = Set.of(
            "mr",
            "mrs",
            "ms",
            "miss",
            "mister",
            "madam",
            "dr",
            "doctor",
            "prof",
            "professor",
            "sir",
            "dame",
            "lord",
            "lady",
            "rev",
            "reverend",
            "fr",
            "father",
            "sister",
            "brother",
            "capt",
            "captain",
            "col",
            "colonel",
            "gen",
            "general",
            "maj",
            "major",
            "lt",
            "sgt",
            "hon",
            "excellency",
            "sheikh",
            "shaikh",
            "sheik",
            "shaykh",
            "haji",
            "hajji",
            "hadji",
            "alhaji",
            "mullah",
            "mulla",
            "maulana",
            "maulvi",
            "mawlawi",
            "mawlana",
            "imam",
            "sayyid",
            "sayed",
            "syed",
            "jr",
            "sr",
            "junior",
            "senior",
            "herr",
            "frau",
            "monsieur",
            "mme",
            "mlle",
            "senor",
            "sra",
            "don",
            "dona",
            "gospodin");

    @Override
    public List<NameToken> apply(List<NameToken> tokens) {
        List<NameToken> kept = new ArrayList<>(tokens.size());
        for (NameToken token : tokens) {
            if (!HONORIFICS.contains(token.text())) {
                kept.add(token);
            }
        }
        return kept.isEmpty() ? tokens : kept;
    }
}
