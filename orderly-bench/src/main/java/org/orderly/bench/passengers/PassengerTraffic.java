package org.orderly.bench.passengers;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * A generator of PAXLST and PNRGOV traffic with the mess carriers really send, in rotation: no UNA, a
 * UNA with {@code *} elements and {@code $} terminators, {@code -} elements and {@code ~} terminators,
 * one segment per CRLF line, segments wrapped over lines at 72 columns, leading spaces, released
 * apostrophes in names, text before the interchange and after UNZ. Names, numbers and dates are random.
 */
public final class PassengerTraffic {
    /** How a message is written. */
    public enum Mess {
        CLEAN,
        STAR_DOLLAR,
        DASH_TILDE,
        CRLF_LINES,
        WRAPPED,
        LEADING_SPACES,
        GARBAGE_AROUND
    }

    /** One generated message and how many travellers it holds. */
    public record Message(byte[] bytes, int travellers, boolean pnr, Mess mess) {}

    private static final String[] SURNAMES = {
        "SMITH",
        "O'BRIEN",
        "GARCIA",
        "NGUYEN",
        "MULLER",
        "ROSSI",
        "KOWALSKI",
        "HASSAN",
        "TANAKA",
        "SILVA",
        "OKAFOR",
        "JOHANSSON",
        "DUBOIS",
        "PETROV",
        "KIM",
        "SINGH",
        "MARTIN",
        "COHEN"
    };
    private static final String[] GIVEN = {
        "ANNA", "JOHN", "MARIA", "WEI", "FATIMA", "LUCA", "SOFIA", "OMAR", "YUKI", "PEDRO", "AMARA", "ERIK", "CLAIRE",
        "IVAN", "MIN", "PRIYA", "LEO", "NOA"
    };
    private static final String[] STATES = {
        "GBR", "USA", "FRA", "DEU", "NGA", "IND", "BRA", "JPN", "KOR", "ITA", "ESP", "CAN"
    };
    private static final String[] AIRPORTS = {
        "LHR", "JFK", "CDG", "FRA", "IAD", "SIN", "ICN", "MUC", "YVR", "LOS", "DEL", "GRU"
    };
    private static final String[] MONTHS = {
        "JAN", "FEB", "MAR", "APR", "MAY", "JUN", "JUL", "AUG", "SEP", "OCT", "NOV", "DEC"
    };

    private PassengerTraffic() {}

    public static List<Message> generate(int flights, int travellersPerFlight, double pnrShare, long seed) {
        Random random = new Random(seed);
        List<Message> out = new ArrayList<>(flights);
        Mess[] kinds = Mess.values();
        for (int f = 0; f < flights; f++) {
            Mess mess = kinds[f % kinds.length];
            int travellers = travellersPerFlight / 2 + random.nextInt(travellersPerFlight + 1);
            boolean pnr = random.nextDouble() < pnrShare;
            String text = pnr ? pnrgov(random, f, travellers) : paxlst(random, f, travellers);
            out.add(new Message(dress(text, mess).getBytes(StandardCharsets.UTF_8), travellers, pnr, mess));
        }
        return out;
    }

    private static String pick(Random r, String[] values) {
        return values[r.nextInt(values.length)];
    }

    private static String two(int n) {
        return n < 10 ? "0" + n : Integer.toString(n);
    }

    private static String paxlst(Random r, int flight, int travellers) {
        StringBuilder m = new StringBuilder(200 + travellers * 260);
        String from = pick(r, AIRPORTS), to = pick(r, AIRPORTS);
        m.append("UNB+UNOA:4+CARRIER")
                .append(flight % 50)
                .append(":ZZ+GOVAPI:ZZ+260115:0900+")
                .append(flight)
                .append("++APIS'");
        m.append("UNG+PAXLST+CARRIER+GOVAPI+260115:0900+").append(flight).append("+UN+D:05B'");
        m.append("UNH+M").append(flight).append("+PAXLST:D:05B:UN:IATA'BGM+745'NAD+MS+++OPERATIONS'COM+555-0100:TE'");
        m.append("TDT+20+XX")
                .append(100 + flight % 900)
                .append("+++XX'LOC+125+")
                .append(from)
                .append("'DTM+189:2601151230:201'")
                .append("LOC+87+")
                .append(to)
                .append("'DTM+232:2601151930:201'");
        int segments = 14;
        for (int t = 0; t < travellers; t++) {
            String nat = pick(r, STATES);
            m.append("NAD+FL+++")
                    .append(release(pick(r, SURNAMES)))
                    .append(':')
                    .append(pick(r, GIVEN))
                    .append(':')
                    .append(pick(r, GIVEN))
                    .append("'ATT+2++")
                    .append(r.nextBoolean() ? 'M' : 'F')
                    .append("'DTM+329:")
                    .append(two(40 + r.nextInt(60)))
                    .append(two(1 + r.nextInt(12)))
                    .append(two(1 + r.nextInt(28)))
                    .append("'LOC+178+")
                    .append(from)
                    .append("'LOC+179+")
                    .append(to)
                    .append("'NAT+2+")
                    .append(nat)
                    .append("'RFF+AVF:")
                    .append(locator(r))
                    .append("'DOC+P:110:111+")
                    .append(1_000_000 + r.nextInt(90_000_000))
                    .append("'DTM+36:")
                    .append(two(27 + r.nextInt(10)))
                    .append(two(1 + r.nextInt(12)))
                    .append(two(1 + r.nextInt(28)))
                    .append("'LOC+91+")
                    .append(nat)
                    .append('\'');
            segments += 11;
        }
        m.append("CNT+42:")
                .append(travellers)
                .append("'UNT+")
                .append(segments + 2)
                .append("+M")
                .append(flight)
                .append("'UNE+1+")
                .append(flight)
                .append("'UNZ+1+")
                .append(flight)
                .append('\'');
        return m.toString();
    }

    private static String pnrgov(Random r, int flight, int travellers) {
        StringBuilder m = new StringBuilder(200 + travellers * 420);
        String from = pick(r, AIRPORTS), to = pick(r, AIRPORTS);
        int bookings = (travellers + 1) / 2;
        m.append("UNB+IATA:1+XX+GOVPNR+260115:0900+").append(flight).append("++PNRGOV'");
        m.append("UNH+1+PNRGOV:13:1:IA+XX")
                .append(flight)
                .append("'MSG+:22'ORG+XX:MUC'TVL+150126:1230:150126:1930+")
                .append(from)
                .append('+')
                .append(to)
                .append("+XX+")
                .append(100 + flight % 900)
                .append("'EQN+")
                .append(bookings)
                .append('\'');
        int segments = 6;
        int left = travellers;
        for (int b = 0; b < bookings; b++) {
            String locator = locator(r);
            m.append("SRC'RCI+XX:").append(locator).append("::100126:0900'");
            segments += 2;
            int people = Math.min(left, 2);
            left -= people;
            for (int p = 1; p <= people; p++) {
                String surname = pick(r, SURNAMES), given = pick(r, GIVEN), nat = pick(r, STATES);
                m.append("TIF+")
                        .append(release(surname))
                        .append(":I+")
                        .append(given)
                        .append(" MR:A:")
                        .append(p)
                        .append('\'')
                        .append("SSR+DOCS:HK:1:XX:::::/P/")
                        .append(nat)
                        .append('/')
                        .append(1_000_000 + r.nextInt(90_000_000))
                        .append('/')
                        .append(nat)
                        .append('/')
                        .append(two(1 + r.nextInt(28)))
                        .append(pick(r, MONTHS))
                        .append(two(40 + r.nextInt(60)))
                        .append('/')
                        .append(r.nextBoolean() ? 'M' : 'F')
                        .append("/01JAN30/")
                        .append(release(surname))
                        .append('/')
                        .append(given)
                        .append("+::")
                        .append(p)
                        .append("'TKT+")
                        .append(1_000_000_000L + r.nextInt(1_000_000_000))
                        .append(":T:1'")
                        .append("FOP+CC:::VI:XXXXXXXXXXXX")
                        .append(1000 + r.nextInt(9000))
                        .append(":0130'");
                segments += 4;
            }
            m.append("TVL+150126:1230:150126:1930+")
                    .append(from)
                    .append('+')
                    .append(to)
                    .append("+XX+")
                    .append(100 + flight % 900)
                    .append(":Y'RPI+")
                    .append(people)
                    .append("+HK'");
            segments += 2;
            for (int p = 1; p <= people; p++) {
                m.append("TRI++")
                        .append(p)
                        .append(":::")
                        .append(p)
                        .append("'TIF+X:I+Y:A:")
                        .append(p)
                        .append("'SSD+1")
                        .append((char) ('A' + p))
                        .append("++++Y'");
                segments += 3;
            }
        }
        m.append("UNT+").append(segments + 1).append("+1'UNZ+1+").append(flight).append('\'');
        return m.toString();
    }

    private static String locator(Random r) {
        StringBuilder s = new StringBuilder(6);
        for (int i = 0; i < 6; i++) s.append((char) ('A' + r.nextInt(26)));
        return s.toString();
    }

    private static String release(String name) {
        return name.replace("'", "?'");
    }

    /** Writes a message (made with the default separators) the way one kind of carrier would. */
    static String dress(String text, Mess mess) {
        return switch (mess) {
            case CLEAN -> "UNA:+.? '" + text;
            case STAR_DOLLAR -> "UNA:*.? $\r\n" + swap(text, '*', '$').replace("$", "$\r\n");
            case DASH_TILDE -> "UNA:-.? ~" + swap(text, '-', '~');
            case CRLF_LINES -> text.replaceAll("(?<!\\?)'", "'\r\n");
            case WRAPPED -> wrap(text);
            case LEADING_SPACES -> "UNA:+.? ' " + text.replaceAll("(?<!\\?)'", "'  ");
            case GARBAGE_AROUND -> "15Jan26\n" + text + "\n15Jan26";
        };
    }

    /** The same message with another element separator and terminator (released apostrophes become plain). */
    private static String swap(String text, char element, char terminator) {
        StringBuilder out = new StringBuilder(text.length());
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '?' && i + 1 < text.length() && text.charAt(i + 1) == '\'') {
                out.append('\'');
                i++;
            } else if (c == '+') {
                out.append(element);
            } else if (c == '\'') {
                out.append(terminator);
            } else if (c == element || c == terminator) {
                out.append('?').append(c);
            } else {
                out.append(c);
            }
        }
        return out.toString();
    }

    private static String wrap(String text) {
        StringBuilder out = new StringBuilder(text.length() + text.length() / 36);
        for (int i = 0; i < text.length(); i += 72) {
            out.append(text, i, Math.min(text.length(), i + 72)).append("\r\n");
        }
        return out.toString();
    }
}
