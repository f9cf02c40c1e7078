package org.orderly.travel.document.mrz;

/**
 * Test-side zone builder with its own, deliberately naive, check digit arithmetic (written separately from
 * {@link CheckDigit}) so that specimen tests compare two independent computations.
 */
final class Zones {

    private Zones() {}

    /** Check digit by hand: A=10 … Z=35, '<'=0, weights 7,3,1. */
    static char digit(String s) {
        int[] weights = {7, 3, 1};
        int total = 0;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            int value;
            if (Character.isDigit(c)) {
                value = Integer.parseInt(String.valueOf(c));
            } else if (c == '<') {
                value = 0;
            } else {
                value = "ABCDEFGHIJKLMNOPQRSTUVWXYZ".indexOf(c) + 10;
            }
            total += value * weights[i % 3];
        }
        return Character.forDigit(total % 10, 10);
    }

    static String pad(String s, int width) {
        StringBuilder b = new StringBuilder(s);
        while (b.length() < width) {
            b.append('<');
        }
        return b.toString();
    }

    static String name(String primary, String secondary, int width) {
        String n = primary.replace(' ', '<') + (secondary.isEmpty() ? "" : "<<" + secondary.replace(' ', '<'));
        return n.length() > width ? n.substring(0, width) : pad(n, width);
    }

    /** A TD3 zone with every check digit computed by hand. */
    static String[] td3(
            String code,
            String state,
            String primary,
            String secondary,
            String number,
            String nationality,
            String birth,
            char sex,
            String expiry,
            String personal) {
        String num = pad(number, 9);
        String pers = pad(personal, 14);
        String persDigit = personal.isEmpty() ? "<" : String.valueOf(digit(pers));
        String line2 = num
                + digit(num)
                + pad(nationality, 3)
                + birth
                + digit(birth)
                + sex
                + expiry
                + digit(expiry)
                + pers
                + persDigit;
        String composite = line2.substring(0, 10) + line2.substring(13, 20) + line2.substring(21, 43);
        return new String[] {pad(code, 2) + pad(state, 3) + name(primary, secondary, 39), line2 + digit(composite)};
    }

    /** A TD2 zone with every check digit computed by hand. */
    static String[] td2(
            String code,
            String state,
            String primary,
            String secondary,
            String number,
            String nationality,
            String birth,
            char sex,
            String expiry,
            String optional) {
        String num = pad(number, 9);
        String line2 = num
                + digit(num)
                + pad(nationality, 3)
                + birth
                + digit(birth)
                + sex
                + expiry
                + digit(expiry)
                + pad(optional, 7);
        String composite = line2.substring(0, 10) + line2.substring(13, 20) + line2.substring(21, 35);
        return new String[] {pad(code, 2) + pad(state, 3) + name(primary, secondary, 31), line2 + digit(composite)};
    }

    /** A TD1 zone with every check digit computed by hand, using the long-number rule when the number exceeds 9 characters. */
    static String[] td1(
            String code,
            String state,
            String primary,
            String secondary,
            String number,
            String nationality,
            String birth,
            char sex,
            String expiry,
            String optional1,
            String optional2) {
        String line1;
        if (number.length() > 9) {
            line1 = pad(code, 2) + pad(state, 3) + number.substring(0, 9) + "<" + number.substring(9) + digit(number)
                    + "<" + optional1;
        } else {
            String num = pad(number, 9);
            line1 = pad(code, 2) + pad(state, 3) + num + digit(num) + optional1;
        }
        line1 = pad(line1, 30);
        String line2 = birth + digit(birth) + sex + expiry + digit(expiry) + pad(nationality, 3) + pad(optional2, 11);
        String composite =
                line1.substring(5, 30) + line2.substring(0, 7) + line2.substring(8, 15) + line2.substring(18, 29);
        return new String[] {line1, line2 + digit(composite), name(primary, secondary, 30)};
    }

    /** An MRV-A (width 44) or MRV-B (width 36) visa zone with its check digits computed by hand. */
    static String[] visa(
            int width,
            String state,
            String primary,
            String secondary,
            String number,
            String nationality,
            String birth,
            char sex,
            String expiry,
            String optional) {
        String num = pad(number, 9);
        String line2 = num
                + digit(num)
                + pad(nationality, 3)
                + birth
                + digit(birth)
                + sex
                + expiry
                + digit(expiry)
                + pad(optional, width - 28);
        return new String[] {"V<" + pad(state, 3) + name(primary, secondary, width - 5), line2};
    }

    static String[] replace(String[] lines, int line, int column, char c) {
        String[] copy = lines.clone();
        StringBuilder b = new StringBuilder(copy[line - 1]);
        b.setCharAt(column - 1, c);
        copy[line - 1] = b.toString();
        return copy;
    }
}
