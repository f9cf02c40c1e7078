package org.orderly.screening.normalise;

/**
 * Rewrites an ICAO 9303 name field {@code SURNAME<<GIVEN<NAMES} as {@code GIVEN NAMES SURNAME};
 * text without the {@code <<} separator only has its fillers turned into spaces.
 */
public final class MachineReadableZoneOrder implements TextStage {
    @Override
    public String apply(String text) {
        if (text.indexOf('<') < 0) {
            return text;
        }
        String trimmed = text.replaceAll("<+$", "");
        int separator = trimmed.indexOf("<<");
        if (separator < 0) {
            return trimmed.replace('<', ' ').trim();
        }
        String primary = trimmed.substring(0, separator).replace('<', ' ').trim();
        String secondary = trimmed.substring(separator + 2).replace('<', ' ').trim();
        return secondary.isEmpty() ? primary : secondary + " " + primary;
    }
}
