package org.orderly.negotiation.format;

import java.io.IOException;
import java.io.StringReader;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.xml.XMLConstants;
import javax.xml.parsers.SAXParserFactory;
import org.xml.sax.Attributes;
import org.xml.sax.Locator;
import org.xml.sax.SAXParseException;
import org.xml.sax.helpers.DefaultHandler;

/**
 * An XML element as read from a file, with the line and column where its start tag ends (as the
 * XML parser reports positions), so that every refusal can say where in the file the problem is.
 */
record XmlElement(
        String file, String name, Map<String, String> attributes, List<XmlElement> children, int line, int column) {
    private static final Pattern DECLARATION = Pattern.compile(
            "\\A(\\s*)<\\?xml[^>]*?encoding\\s*=\\s*[\"']([^\"']+)[\"'][^>]*\\?>|\\A(\\s*)<\\?xml[^>]*\\?>");

    /** The element as it appears in a message: tag, identifying attributes and position. */
    String where() {
        StringBuilder text = new StringBuilder("<").append(name);
        for (String attribute : new String[] {"index", "name", "value"}) {
            if (attributes.containsKey(attribute))
                text.append(' ')
                        .append(attribute)
                        .append("=\"")
                        .append(attributes.get(attribute))
                        .append('"');
        }
        return text.append("> at line ")
                .append(line)
                .append(", column ")
                .append(column)
                .toString();
    }

    List<XmlElement> children(String tag) {
        return children.stream().filter(c -> c.name.equals(tag)).toList();
    }

    Optional<XmlElement> child(String tag) {
        return children.stream().filter(c -> c.name.equals(tag)).findFirst();
    }

    Optional<String> attribute(String attribute) {
        return Optional.ofNullable(attributes.get(attribute));
    }

    String required(String attribute) {
        String value = attributes.get(attribute);
        if (value == null || value.isBlank()) throw refusal("missing attribute " + attribute);
        return value;
    }

    /** An attribute read as a finite number; a refusal naming the element and attribute otherwise. */
    double number(String attribute) {
        return number(attribute, required(attribute));
    }

    double number(String attribute, String text) {
        try {
            double value = Double.parseDouble(text.trim());
            if (Double.isFinite(value)) return value;
        } catch (NumberFormatException e) {
            // refused below with the element's position
        }
        throw refusal("attribute " + attribute + "=\"" + text + "\" is not a number");
    }

    /** An attribute read as a whole number. */
    long integer(String attribute) {
        String text = required(attribute);
        try {
            return Long.parseLong(text.trim());
        } catch (NumberFormatException e) {
            throw refusal("attribute " + attribute + "=\"" + text + "\" is not a whole number");
        }
    }

    NegotiationFormatException refusal(String problem) {
        return new NegotiationFormatException(file, where(), problem);
    }

    /** Whether the file looks like XML at all (after a byte-order mark and blank space, its first character is '<'). */
    static boolean looksLikeXml(Path path) {
        try {
            String text = text(path);
            return text.strip().startsWith("<");
        } catch (IOException | RuntimeException e) {
            return false;
        }
    }

    /**
     * Reads a file into elements. A byte-order mark, blank lines before the XML declaration and CRLF
     * line ends do not matter; line and column numbers are those of the file as written.
     */
    static XmlElement read(Path path) {
        String file = path.toString();
        String text;
        try {
            text = text(path);
        } catch (IOException e) {
            throw new NegotiationFormatException(file, "file", "cannot be read: " + e.getMessage(), e);
        }
        Deque<List<XmlElement>> open = new ArrayDeque<>();
        Deque<Object[]> starts = new ArrayDeque<>();
        List<XmlElement> roots = new ArrayList<>();
        open.push(roots);
        DefaultHandler handler = new DefaultHandler() {
            private Locator locator;

            @Override
            public void setDocumentLocator(Locator locator) {
                this.locator = locator;
            }

            @Override
            public void startElement(String uri, String localName, String qName, Attributes attributes) {
                Map<String, String> map = new LinkedHashMap<>();
                for (int k = 0; k < attributes.getLength(); k++)
                    map.put(attributes.getQName(k), attributes.getValue(k));
                starts.push(new Object[] {qName, map, locator.getLineNumber(), locator.getColumnNumber()});
                open.push(new ArrayList<>());
            }

            @Override
            @SuppressWarnings("unchecked")
            public void endElement(String uri, String localName, String qName) {
                List<XmlElement> children = open.pop();
                Object[] start = starts.pop();
                open.peek()
                        .add(new XmlElement(
                                file,
                                (String) start[0],
                                (Map<String, String>) start[1],
                                List.copyOf(children),
                                (Integer) start[2],
                                (Integer) start[3]));
            }

            @Override
            public void error(SAXParseException e) throws SAXParseException {
                throw e;
            }
        };
        try {
            SAXParserFactory factory = SAXParserFactory.newInstance();
            factory.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
            factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
            factory.setFeature("http://xml.org/sax/features/external-general-entities", false);
            factory.newSAXParser().parse(new org.xml.sax.InputSource(new StringReader(text)), handler);
        } catch (SAXParseException e) {
            throw new NegotiationFormatException(
                    file,
                    "line " + e.getLineNumber() + ", column " + e.getColumnNumber(),
                    "is not well-formed XML: " + e.getMessage(),
                    e);
        } catch (Exception e) {
            throw new NegotiationFormatException(file, "file", "cannot be read as XML: " + e.getMessage(), e);
        }
        return roots.get(0);
    }

    /**
     * The file's text: decoded as its declaration says (UTF-8 by default), without a byte-order mark,
     * and with an XML declaration that follows blank lines blanked out in place (the XML parser refuses
     * a declaration that is not at the very start), so that positions stay those of the file.
     */
    private static String text(Path path) throws IOException {
        byte[] bytes = Files.readAllBytes(path);
        String head = new String(bytes, 0, Math.min(bytes.length, 200), StandardCharsets.ISO_8859_1);
        Charset charset = StandardCharsets.UTF_8;
        Matcher declared = DECLARATION.matcher(head.startsWith("\u00ef\u00bb\u00bf") ? head.substring(3) : head);
        if (declared.find() && declared.group(2) != null) {
            try {
                charset = Charset.forName(declared.group(2));
            } catch (RuntimeException e) {
                charset = StandardCharsets.UTF_8;
            }
        }
        String text = new String(bytes, charset);
        if (text.startsWith("\uFEFF")) text = text.substring(1);
        Matcher declaration = DECLARATION.matcher(text);
        if (declaration.find()) {
            String blank = declaration.group().replaceAll("[^\\r\\n]", " ");
            text = blank + text.substring(declaration.end());
        }
        return text;
    }
}
