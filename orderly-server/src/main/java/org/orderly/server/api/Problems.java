package org.orderly.server.api;

import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;

/** RFC 9457 problem documents, built one way for every part of the API. */
public final class Problems {
    /** A qualified Java name (java.time.LocalDate, org.orderly.…$Request), with or without back-ticks. */
    private static final Pattern JAVA_NAME = Pattern.compile("`?\\b(?:[a-z_][a-z0-9_]*\\.)+([A-Z][A-Za-z0-9_]*)(?:\\$[A-Za-z0-9_$]+)?`?");
    /** A file system path that is not a URL path of this server. */
    private static final Pattern SERVER_PATH = Pattern.compile("(?<![\\w:])(?:/(?:tmp|home|root|var|usr|opt|etc|proc|srv|work)/|[A-Z]:\\\\)\\S*");
    private static final int MAX_DETAIL = 500;

    private Problems() {
    }

    public static ProblemDetail of(HttpStatus status, String title, String detail) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, plain(detail));
        problem.setTitle(title);
        return problem;
    }

    /**
     * A message fit to show a caller: Java type names become words ("date", "text", "number", "value"), server file paths
     * and library location notes are removed, and the text is cut at a few hundred characters (no echo of huge input).
     */
    public static String plain(String message) {
        if (message == null) return null;
        String text = message.replaceAll("\\s*\\(through reference chain:[^)]*\\)", "")
                .replaceAll("\\s*at \\[Source:[^\\]]*\\]", "")
                .replaceAll("\\[Source:[^\\]]*\\]", "");
        Matcher names = JAVA_NAME.matcher(text);
        StringBuilder out = new StringBuilder();
        while (names.find()) names.appendReplacement(out, Matcher.quoteReplacement(word(names.group(1))));
        names.appendTail(out);
        text = SERVER_PATH.matcher(out.toString()).replaceAll("(file)");
        text = text.replace("\u0000", "\\u0000");
        return text.length() <= MAX_DETAIL ? text : text.substring(0, MAX_DETAIL) + "…";
    }

    private static String word(String simpleName) {
        return switch (simpleName) {
            case "LocalDate" -> "date (YYYY-MM-DD)";
            case "Instant", "LocalDateTime", "OffsetDateTime" -> "date and time";
            case "String", "Character" -> "text";
            case "Integer", "Long", "Short", "BigInteger", "Double", "Float", "BigDecimal", "Number" -> "number";
            case "Boolean" -> "true or false";
            case "List", "Set", "Collection", "ArrayList" -> "list";
            case "Map", "HashMap", "LinkedHashMap" -> "object";
            default -> "value";
        };
    }
}
