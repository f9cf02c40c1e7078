package org.orderly.regime;

import java.time.LocalDate;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Where a fact came from: a citable title, a reference (URL, treaty registration number or
 * file and line) and the date on which the fact was true according to that source.
 */
public record Source(String title, String reference, LocalDate asOf) implements java.io.Serializable {
    private static final Pattern URL = Pattern.compile("https?://[^\\s,;\"<>]+");

    public Source {
        Objects.requireNonNull(title, "source title");
        Objects.requireNonNull(asOf, "source as-of date");
        if (title.isBlank()) throw new IllegalArgumentException("source title is blank");
        reference = reference == null ? "" : reference;
    }

    /** The first web address in the reference (or else in the title), for a link; empty when there is none. */
    public Optional<String> url() {
        Optional<String> found = firstUrl(reference);
        return found.isPresent() ? found : firstUrl(title);
    }

    private static Optional<String> firstUrl(String text) {
        Matcher m = URL.matcher(text);
        if (!m.find()) return Optional.empty();
        String url = m.group();
        // A sentence's full stop or a closing bracket around the address is not part of it.
        while (url.endsWith(".") || (url.endsWith(")") && count(url, '(') < count(url, ')')))
            url = url.substring(0, url.length() - 1);
        return Optional.of(url);
    }

    private static long count(String text, char c) {
        return text.chars().filter(x -> x == c).count();
    }
}
