package org.orderly.server.api;

import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;

/** RFC 9457 problem documents, built one way for every part of the API. */
public final class Problems {
    /** A qualified Java name (java.time.LocalDate, org.orderly.…$Request), with or without back-ticks. */
    private static final Pattern JAVA_NAME =
            Pattern.compile("`?\\b(?:[a-z_][a-z0-9_]*\\.)+([A-Z][A-Za-z0-9_]*)(?:\\$[A-Za-z0-9_$]+)?`?");
    /** A file system path that is not a URL path of this server. */
    private static final Pattern SERVER_PATH =
            Pattern.compile("(?<![\\w:])(?:/(?:tmp|home|root|var|usr|opt|etc|proc|srv|work)/|[A-Z]:\\\\)\\S*");

    private static final int MAX_DETAIL = 500;

    private Problems() {}

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

    /**
     * The message of an exception that Orderly's own code threw (it says what is wrong in the regime's words), else
     * {@code otherwise}: a library's message names its own classes and internals, and says nothing a caller can act on.
     */
    public static String ownMessage(Throwable e, String otherwise) {
        StackTraceElement[] trace = e.getStackTrace();
        boolean ours = trace.length > 0 && trace[0].getClassName().startsWith("org.orderly.");
        return ours && e.getMessage() != null && !e.getMessage().isBlank() ? e.getMessage() : otherwise;
    }

    /** What a value of this type is, in words ("a date (YYYY-MM-DD)", "one of ENTRY, EXIT"). */
    public static String typeWord(Class<?> type) {
        if (type == null) return "another value";
        if (type.isEnum()) {
            return "one of "
                    + java.util.Arrays.stream(type.getEnumConstants())
                            .map(c -> ((Enum<?>) c).name())
                            .collect(java.util.stream.Collectors.joining(", "));
        }
        if (type.isArray()) return "a list";
        if (type.isPrimitive()) {
            return type == boolean.class ? "true or false" : "a number";
        }
        String word = word(type.getSimpleName());
        return word.equals("value") ? "an object" : word.equals("object") ? "an object" : "a " + word;
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
