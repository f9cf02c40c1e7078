package org.orderly.screening.normalise;

import java.util.List;

/**
 * Turns a name in any script and order into Latin lower-case ASCII tokens; the whole pipeline is listed here, each stage
 * being a small class testable on its own.
 */
public final class NameNormaliser {
    private final List<TextStage> textStages;
    private final Punctuation tokeniser;
    private final List<TokenStage> tokenStages;

    public NameNormaliser() {
        this.textStages = List.of(
                new MachineReadableZoneOrder(),
                new SurnameCommaOrder(),
                new SyllableHyphens(),
                new HangulSyllables(),
                new ScriptToLatin(),
                new LetterNames(),
                new LowerCase(),
                new DiacriticFolding(),
                new LookAlikeDigits());
        this.tokeniser = new Punctuation();
        this.tokenStages = List.of(new HonorificRemoval(), new ParticleMarking(), new KoreanSurnameWords());
    }

    public NormalisedName normalise(String name) {
        String text = name == null ? "" : name;
        for (TextStage stage : textStages) {
            text = stage.apply(text);
        }
        List<NameToken> tokens = tokeniser.tokens(text);
        for (TokenStage stage : tokenStages) {
            tokens = stage.apply(tokens);
        }
        return new NormalisedName(name == null ? "" : name, tokens);
    }
}
