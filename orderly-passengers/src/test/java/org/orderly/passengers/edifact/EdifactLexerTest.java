package org.orderly.passengers.edifact;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.orderly.testing.SharedData;

class EdifactLexerTest {

    static List<Segment> all(EdifactLexer lexer) {
        List<Segment> segments = new ArrayList<>();
        for (Segment s = lexer.next(); s != null; s = lexer.next()) segments.add(s);
        return segments;
    }

    static List<String> texts(String input) {
        return all(EdifactLexer.of(input)).stream().map(Segment::text).toList();
    }

    @Test
    void readsElementsAndComponentsWithTheDefaultSeparators() {
        List<Segment> segments = all(
                EdifactLexer.of("UNB+UNOA:4+SENDER+RECEIVER'UNH+1+PAXLST:D:05B:UN:IATA'NAD+FL+++DOE:JOHN'UNZ+1+1'"));
        assertThat(segments).extracting(Segment::tag).containsExactly("UNB", "UNH", "NAD", "UNZ");
        Segment nad = segments.get(2);
        assertThat(nad.number()).isEqualTo(3);
        assertThat(nad.value(1)).isEqualTo("FL");
        assertThat(nad.value(2)).isEmpty();
        assertThat(nad.value(4, 0)).isEqualTo("DOE");
        assertThat(nad.value(4, 1)).isEqualTo("JOHN");
        assertThat(nad.value(4, 2)).isEmpty();
        assertThat(nad.value(9, 9)).isEmpty();
        assertThat(nad.components(4)).isEqualTo(2);
    }

    @Test
    void honoursTheServiceStringAdviceAndItsReleaseCharacter() {
        EdifactLexer lexer = EdifactLexer.of("UNA|*.! ~UNB*UNOA|4*A~FTX*O!*BRIEN!|SON!~ PLC!!*X~UNZ*1~");
        List<Segment> segments = all(lexer);
        assertThat(segments.get(0).number()).isEqualTo(2); // the UNA is segment 1
        Segment ftx = segments.get(1);
        assertThat(ftx.value(1)).isEqualTo("O*BRIEN|SON~ PLC!");
        assertThat(ftx.value(2)).isEqualTo("X");
        assertThat(lexer.separators().terminator()).isEqualTo((byte) '~');
        assertThat(lexer.warnings()).isEmpty();
    }

    @Test
    void theDefaultReleaseCharacterEscapesTheApostrophe() {
        assertThat(all(EdifactLexer.of("UNB+UNOA:4'NAD+FL+++O?'NEIL:ANN?+MARIE'"))
                        .get(1)
                        .value(4, 1))
                .isEqualTo("ANN+MARIE");
        assertThat(all(EdifactLexer.of("UNB+UNOA:4'NAD+FL+++O?'NEIL:ANN'"))
                        .get(1)
                        .value(4, 0))
                .isEqualTo("O'NEIL");
    }

    @Test
    void tildeTerminatorAndDashElementSeparatorDeclaredByUna() {
        List<Segment> segments =
                all(EdifactLexer.of("UNA:-.? ~\nUNB-UNOA:4-AIRLINE~\nUNH-1-PAXLST:D:05B:UN:IATA~\nUNZ-1~\n"));
        assertThat(segments).extracting(Segment::tag).containsExactly("UNB", "UNH", "UNZ");
        assertThat(segments.get(1).value(2, 2)).isEqualTo("05B");
    }

    @Test
    void asteriskTerminatorAndDashElementSeparatorWithoutUnaAreInferredFromUnb() {
        EdifactLexer lexer = EdifactLexer.of("UNB-IATA:1-XX-GOVT*UNH-1-PNRGOV:11:1:IA*MSG-:22*UNZ-1*");
        List<Segment> segments = all(lexer);
        assertThat(segments).extracting(Segment::tag).containsExactly("UNB", "UNH", "MSG", "UNZ");
        assertThat(segments.get(1).value(2, 0)).isEqualTo("PNRGOV");
        assertThat(lexer.separators().element()).isEqualTo((byte) '-');
        assertThat(lexer.separators().terminator()).isEqualTo((byte) '*');
        assertThat(lexer.warnings())
                .singleElement()
                .asString()
                .contains("segment 1 (UNB)")
                .contains("inferred");
    }

    @Test
    void lineBreaksInsideSegmentsAndLeadingSpacesAreNotData() {
        List<Segment> segments = all(
                EdifactLexer.of(
                        "UNB+UNOA:4'\r\n  UNH+1'\r\nSSR+DOCS:HK::DL:::::/P/GBR/123/GBR/12JUL64/M/23AUG19/SMITHJ\r\nR/JON'  \r\n\r\nUNT+3+1'"));
        assertThat(segments).extracting(Segment::tag).containsExactly("UNB", "UNH", "SSR", "UNT");
        assertThat(segments.get(2).value(1, 8)).isEqualTo("/P/GBR/123/GBR/12JUL64/M/23AUG19/SMITHJR/JON");
        assertThat(segments.get(2).line()).isEqualTo(3);
        assertThat(segments.get(3).line()).isEqualTo(6);
    }

    @Test
    void aTagFollowedBySpacesIsStillItsTag() {
        assertThat(all(EdifactLexer.of("UNB*UNOA:4*X$\nUNG *PAXLST*AA$")).get(1).tag())
                .isEqualTo("UNG");
    }

    @Test
    void aShortAdviceIsReadWithItsTerminatorLast() {
        EdifactLexer lexer = EdifactLexer.of("UNA:+\\*'\nUNB+IATA:1+1A'LTS+0/LK \\*1A/E\\*'UNZ+1'");
        List<Segment> segments = all(lexer);
        assertThat(segments.get(1).value(1)).isEqualTo("0/LK *1A/E*");
        assertThat(lexer.warnings())
                .singleElement()
                .asString()
                .contains("segment 1 (UNA)")
                .contains("5 characters");
    }

    @Test
    void anAdviceDeclaringATerminatorTheMessageNeverUsesIsOverruledByTheUnb() {
        EdifactLexer lexer = EdifactLexer.of("UNA:+.? \"UNB+UNOA:4+A+B'\nUNH+1+PAXLST:D:02B:UN'\nUNZ+1'");
        List<Segment> segments = all(lexer);
        assertThat(segments).extracting(Segment::tag).containsExactly("UNB", "UNH", "UNZ");
        assertThat(lexer.warnings()).singleElement().asString().contains("does not use");
    }

    @Test
    void aMultiByteTerminatorInTheAdviceIsReportedAndTheRealOneUsed() {
        EdifactLexer lexer = EdifactLexer.of("UNA:+.\\*\u2019 UNB+IATA:1+1A'\nUNH+1+PNRGOV:11:1:IA'UNZ+1'");
        assertThat(all(lexer)).extracting(Segment::tag).containsExactly("UNB", "UNH", "UNZ");
        assertThat(lexer.warnings()).hasSize(2).first().asString().contains("U+2019");
    }

    @Test
    void contentBeforeTheInterchangeAndAfterUnzIsIgnoredWithWarnings() {
        EdifactLexer lexer = EdifactLexer.of("13Nov09\nUNA:+.? 'UNB+UNOA:4'UNZ+1'\n13Nov09");
        assertThat(all(lexer)).extracting(Segment::tag).containsExactly("UNB", "UNZ");
        assertThat(lexer.warnings()).hasSize(2);
        assertThat(lexer.warnings().get(0).toString())
                .isEqualTo("segment 1 (UNA), line 2: ignored 8 bytes before the interchange: \"13Nov09\"");
        assertThat(lexer.warnings().get(1).toString()).contains("after the interchange trailer");
    }

    @Test
    void aLastSegmentWithoutTerminatorIsKeptWithAWarning() {
        EdifactLexer lexer = EdifactLexer.of("UNB+UNOA:4'UNZ+1+0003");
        assertThat(all(lexer)).extracting(Segment::tag).containsExactly("UNB", "UNZ");
        assertThat(lexer.warnings())
                .singleElement()
                .asString()
                .startsWith("segment 2 (UNZ)")
                .contains("no segment terminator");
    }

    @Test
    void textThatIsNotASegmentIsSkippedWithAWarning() {
        EdifactLexer lexer = EdifactLexer.of("UNB+UNOA:4'hello world'NAD+FL'");
        assertThat(all(lexer)).extracting(Segment::tag).containsExactly("UNB", "NAD");
        assertThat(lexer.warnings())
                .singleElement()
                .asString()
                .startsWith("segment 2")
                .contains("not a segment");
    }

    @Test
    void segmentsSpanningTheReadBufferAreWhole() {
        StringBuilder text = new StringBuilder("UNB+UNOA:4'");
        for (int i = 0; i < 20_000; i++)
            text.append("NAD+FL+++SURNAME").append(i).append(":GIVEN?'S'\r\n");
        InputStream trickle = new ByteArrayInputStream(text.toString().getBytes(StandardCharsets.US_ASCII)) {
            @Override
            public synchronized int read(byte[] b, int off, int len) {
                return super.read(b, off, Math.min(len, 7)); // a stream that hands out a few bytes at a time
            }
        };
        List<Segment> segments = all(EdifactLexer.of(trickle));
        assertThat(segments).hasSize(20_001);
        assertThat(segments.get(12_346).value(4, 0)).isEqualTo("SURNAME12345");
        assertThat(segments.get(12_346).value(4, 1)).isEqualTo("GIVEN'S");
        assertThat(segments.get(12_346).line()).isEqualTo(12_346);
    }

    @Test
    void emptyInputIsAnError() {
        assertThatThrownBy(() -> EdifactLexer.of("").next())
                .isInstanceOf(EdifactException.class)
                .hasMessage("segment 1, line 1: the input is empty");
    }

    @Test
    void textWithoutAnInterchangeIsAnError() {
        assertThatThrownBy(
                        () -> EdifactLexer.of("Dear passenger, welcome aboard.").next())
                .isInstanceOf(EdifactException.class)
                .hasMessageContaining("not an EDIFACT interchange");
    }

    @Test
    void anAdviceWhoseSeparatorsCollideIsAnErrorNamingUna() {
        assertThatThrownBy(() -> EdifactLexer.of("UNA++.? 'UNB+UNOA:4'").next())
                .isInstanceOf(EdifactException.class)
                .hasMessageStartingWith("segment 1 (UNA), line 1:")
                .hasMessageContaining("must all differ");
    }

    @Test
    void aSegmentWithoutEndIsAnErrorNamingItsNumberAndTag() {
        String endless = "UNB+UNOA:4'UNH+1'FTX+" + "A".repeat(EdifactLexer.MAX_SEGMENT_BYTES + 10);
        EdifactLexer lexer = EdifactLexer.of(endless);
        assertThat(lexer.next().tag()).isEqualTo("UNB");
        assertThat(lexer.next().tag()).isEqualTo("UNH");
        assertThatThrownBy(lexer::next)
                .isInstanceOf(EdifactException.class)
                .hasMessageStartingWith("segment 3 (FTX), line 1:")
                .hasMessageContaining("terminator ''' is missing");
    }

    /**
     * The twin of the single-copy path: the same message with line breaks scattered through its segments takes the
     * gathering path for nearly every segment, and must give the same segments.
     */
    @Test
    void theSingleCopyPathAndTheGatheringPathGiveTheSameSegments() throws Exception {
        long seed = 20261201L;
        java.util.Random random = new java.util.Random(seed);
        List<byte[]> messages = new ArrayList<>();
        messages.add(org.orderly.passengers.GuideExamplesTest.resource("paxlst-guide-example.edi"));
        messages.add(org.orderly.passengers.GuideExamplesTest.resource("pnrgov-guide-example.edi"));
        if (SharedData.has("passengers/gtas")) {
            for (java.nio.file.Path f : org.orderly.passengers.RealMessages.all())
                messages.add(java.nio.file.Files.readAllBytes(f));
        }
        for (byte[] message : messages) {
            java.io.ByteArrayOutputStream broken = new java.io.ByteArrayOutputStream();
            for (int i = 0; i < message.length; i++) {
                broken.write(message[i]);
                if (i > 300 && random.nextInt(6) == 0) broken.write('\n');
            }
            List<String> straight =
                    all(EdifactLexer.of(message)).stream().map(Segment::text).toList();
            List<String> gathered = all(EdifactLexer.of(broken.toByteArray())).stream()
                    .map(Segment::text)
                    .toList();
            assertThat(gathered).as("seed " + seed).isEqualTo(straight);
        }
    }
}
