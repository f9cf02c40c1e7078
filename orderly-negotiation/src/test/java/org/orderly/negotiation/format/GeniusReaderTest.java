package org.orderly.negotiation.format;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.orderly.negotiation.Deal;
import org.orderly.negotiation.Issue;
import org.orderly.negotiation.Table;

/** The GENIUS reader on the unmodified ANAC 2012–2015 files, and on copies of them changed one fault at a time. */
class GeniusReaderTest {
    private static final double POINT = 1.0 / GeniusReader.POINTS_PER_UNIT;

    @Test
    void everyScenarioOfTheCorpusLoadsWithOnePartyPerProfileAndEveryIssueOfItsDomain() throws IOException {
        List<Path> scenarios = AnacCorpus.scenarios();
        assertThat(scenarios).hasSizeGreaterThanOrEqualTo(100);
        List<String> failures = new ArrayList<>();
        for (Path folder : scenarios) {
            try {
                GeniusScenario scenario = GeniusReader.readFolder(folder);
                long profiles = xmlFiles(folder).stream()
                        .filter(f -> root(f).equals("utility_space"))
                        .count();
                Path domain = xmlFiles(folder).stream()
                        .filter(f -> root(f).equals("negotiation_template"))
                        .findFirst()
                        .orElseThrow();
                long issues = Pattern.compile("<issue\\b")
                        .matcher(Files.readString(domain))
                        .results()
                        .count();
                assertThat(scenario.parties()).as(folder.toString()).hasSize((int) profiles);
                assertThat(scenario.table().negotiation().issues())
                        .as(folder.toString())
                        .hasSize((int) issues);
            } catch (RuntimeException e) {
                failures.add(folder + ": " + e.getMessage());
            }
        }
        assertThat(failures).isEmpty();
    }

    @Test
    void linearProfileUsesTheWeightsAsWrittenAndEvaluationsOverTheLargest() {
        // Laptop-A prof1: weights 0.4452…, 0.3780…, 0.1767… (they sum to 1.0000518); HP, 60 Gb and 19'' are each
        // issue's best item.
        Table table =
                GeniusReader.readFolder(AnacCorpus.scenario("y2012/LaptopA")).table();
        Deal best = new Deal(Map.of("Laptop", "HP", "Harddisk", "60 Gb", "External Monitor", "19'' LCD"));
        assertThat(table.utility("Laptop-A-prof1", best) * POINT)
                .isCloseTo(0.4452125771655631 + 0.37808251708013424 + 0.1767567099260568, within(2 * POINT));
        // Dell 12/30, 120 Gb 9/30, 20'' 10/30.
        Deal worst = new Deal(Map.of("Laptop", "Dell", "Harddisk", "120 Gb", "External Monitor", "20'' LCD"));
        assertThat(table.utility("Laptop-A-prof1", worst) * POINT)
                .isCloseTo(
                        0.4452125771655631 * 12 / 30 + 0.37808251708013424 * 9 / 30 + 0.1767567099260568 * 10 / 30,
                        within(2 * POINT));
    }

    @Test
    void integerIssueEvaluatesOffsetPlusSlopeTimesDistanceFromTheLowerBound() {
        GeniusScenario scenario = GeniusReader.readFolder(AnacCorpus.scenario("y2015/group9-vacation"));
        Issue duration =
                scenario.table().negotiation().issue("Duration (weeks)").orElseThrow();
        assertThat(duration.integer()).isTrue();
        assertThat(duration.lowerBound()).isEqualTo(1);
        assertThat(duration.upperBound()).isEqualTo(4);
        Deal deal = new Deal(Map.of(
                "Location",
                "Rome",
                "Travel",
                "Train",
                "Duration (weeks)",
                "4",
                "Activities",
                "Beach",
                "Sleeping",
                "Camping"));
        double expected = 0.20066840706761038
                + 0.22759659561403653
                + 0.22742759974114368 * (1.0 - 0.16666666666666666 * 3)
                + 0.22225123167474164
                + 0.1220561659024678;
        assertThat(scenario.table().utility("Vacation_util2", deal) * POINT).isCloseTo(expected, within(3 * POINT));
        assertThat(scenario.profiles().get("Vacation_util2").reservation()).isEqualTo(0.3);
        assertThat(scenario.table().valuation("Vacation_util2").reservation()).isEqualTo(300_000);
        assertThat(scenario.profiles().get("Vacation_util2").discountFactor()).isEqualTo(1.0);
    }

    @Test
    void nonlinearProfileSumsTheRectanglesThatHoldOverMaxUtility() {
        // Values from a separate evaluation of profile-1 (maxutility 662) written for this test.
        GeniusScenario scenario = GeniusReader.readFolder(AnacCorpus.scenario("y2014/10issues"));
        Table table = scenario.table();
        assertThat(scenario.profiles().get("profile-1").nonlinear()).isTrue();
        assertThat(table.negotiation().issues()).hasSize(10).allMatch(Issue::integer);
        assertThat(table.utility("profile-1", uniform(table, i -> 0)) * POINT)
                .isCloseTo(0.2809667673716012, within(40 * POINT));
        assertThat(table.utility("profile-1", uniform(table, i -> 9)) * POINT)
                .isCloseTo(0.019637462235649546, within(40 * POINT));
        assertThat(table.utility("profile-1", uniform(table, i -> (i * 7) % 10)) * POINT)
                .isCloseTo(0.45468277945619334, within(40 * POINT));
    }

    @Test
    void reservationAndDiscountFactorAreRecorded() {
        GeniusScenario scenario = GeniusReader.readFolder(AnacCorpus.scenario("y2014/10issuesDiscountedwithRV"));
        for (String party : scenario.parties()) {
            assertThat(scenario.profiles().get(party).discountFactor()).isLessThan(1.0);
            assertThat(scenario.profiles().get(party).reservation()).isGreaterThan(0.0);
        }
    }

    @Test
    void filesInAnyOrderGiveTheSameScenarioAsTheFolder() throws IOException {
        Path folder = AnacCorpus.scenario("y2015/group2-dinner");
        List<Path> files = new ArrayList<>(xmlFiles(folder));
        java.util.Collections.reverse(files);
        GeniusScenario listed = GeniusReader.read(files);
        GeniusScenario read = GeniusReader.readFolder(folder);
        assertThat(listed.table().negotiation().issues())
                .isEqualTo(read.table().negotiation().issues());
        assertThat(listed.table().valuations().values())
                .containsExactlyInAnyOrderElementsOf(read.table().valuations().values());
    }

    @Test
    void aByteOrderMarkCrlfABlankLineBeforeTheDeclarationAndExtraAttributesAndElementsDoNotMatter(@TempDir Path temp)
            throws IOException {
        Path folder = AnacCorpus.scenario("y2012/LaptopA");
        for (Path file : xmlFiles(folder)) {
            String text = Files.readString(file)
                    .replace("\r\n", "\n")
                    .replace("\n", "\r\n")
                    .replace("<weight ", "<weight comment=\"extra\" ")
                    .replace("</objective>", "<annotation note=\"extra\"/></objective>");
            byte[] bom = {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF};
            byte[] body = ("\r\n<?xml version=\"1.0\" encoding=\"UTF-8\"?>" + text).getBytes(StandardCharsets.UTF_8);
            byte[] all = new byte[bom.length + body.length];
            System.arraycopy(bom, 0, all, 0, bom.length);
            System.arraycopy(body, 0, all, bom.length, body.length);
            Files.write(temp.resolve(file.getFileName()), all);
        }
        Files.writeString(temp.resolve("pareto.xml"), "0.84, 1.0\n0.86, 0.97\n");
        GeniusScenario changed = GeniusReader.readFolder(temp);
        GeniusScenario original = GeniusReader.readFolder(folder);
        assertThat(changed.table().valuations().values())
                .containsExactlyElementsOf(original.table().valuations().values());
        assertThat(changed.table().negotiation().issues())
                .isEqualTo(original.table().negotiation().issues());
    }

    @Test
    void aWeightThatIsNotANumberIsRefusedWithFileElementLineAndColumn(@TempDir Path temp) throws IOException {
        Path copy = copyWith(
                temp,
                "y2012/LaptopA",
                "Laptop-A-prof2.xml",
                "<weight index=\"2\" value=\"0.1767567099260568\">",
                "<weight index=\"2\" value=\"0,17\">");
        int line = lineOf(copy, "value=\"0,17\"");
        assertThatThrownBy(() -> GeniusReader.readFolder(temp))
                .isInstanceOf(NegotiationFormatException.class)
                .hasMessageStartingWith(copy + ": <weight index=\"2\" value=\"0,17\"> at line " + line + ", column ")
                .hasMessageEndingWith("attribute value=\"0,17\" is not a number")
                .hasNoCause();
    }

    @Test
    void aWeightForAnIssueTheDomainDoesNotHaveIsRefused(@TempDir Path temp) throws IOException {
        Path copy = copyWith(temp, "y2012/LaptopA", "Laptop-A-prof1.xml", "<weight index=\"3\"", "<weight index=\"7\"");
        int line = lineOf(copy, "<weight index=\"7\"");
        assertThatThrownBy(() -> GeniusReader.readFolder(temp))
                .isInstanceOf(NegotiationFormatException.class)
                .hasMessageContaining(
                        copy + ": <weight index=\"7\" value=\"0.1767567099260568\"> at line " + line + ", column ")
                .hasMessageEndingWith("refers to no issue: the domain has no issue with index 7");
    }

    @Test
    void anItemTheDomainDoesNotHaveIsRefused(@TempDir Path temp) throws IOException {
        Path copy = copyWith(temp, "y2012/LaptopA", "Laptop-A-prof1.xml", "value=\"Macintosh\"", "value=\"Lenovo\"");
        int line = lineOf(copy, "value=\"Lenovo\"");
        assertThatThrownBy(() -> GeniusReader.readFolder(temp))
                .hasMessageContaining(copy + ": <item index=\"2\" value=\"Lenovo\"> at line " + line + ", column ")
                .hasMessageEndingWith("issue Laptop of the domain has no item Lenovo");
    }

    @Test
    void aRectangleBoundOutsideNumbersIsRefusedWithItsPosition(@TempDir Path temp) throws IOException {
        Path copy = copyWith(temp, "y2014/10issues", "profile-2.xml", "min=\"", "min=\"x");
        int line = lineOf(copy, "min=\"x");
        assertThatThrownBy(() -> GeniusReader.readFolder(temp))
                .hasMessageContaining(copy + ": <INCLUDES index=")
                .hasMessageContaining("> at line " + line + ", column ")
                .hasMessageContaining("attribute min=\"x");
    }

    @Test
    void malformedXmlIsRefusedWithLineAndColumn(@TempDir Path temp) throws IOException {
        Path copy = copyWith(temp, "y2013/Coffee", "Coffee_util1.xml", "</objective>", "</objectiv>");
        int line = lineOf(copy, "</objectiv>");
        assertThatThrownBy(() -> GeniusReader.readFolder(temp))
                .isInstanceOf(NegotiationFormatException.class)
                .hasMessageStartingWith(copy + ": line " + line + ", column ")
                .hasMessageContaining("is not well-formed XML");
    }

    @Test
    void twoDomainsOrNoDomainAreRefused(@TempDir Path temp) throws IOException {
        Path folder = AnacCorpus.scenario("y2013/Coffee");
        Files.copy(folder.resolve("Coffee_util1.xml"), temp.resolve("a.xml"));
        Files.copy(folder.resolve("Coffee_util2.xml"), temp.resolve("b.xml"));
        assertThatThrownBy(() -> GeniusReader.readFolder(temp)).hasMessageContaining("none of the 2 files is a domain");
        Files.copy(folder.resolve("Coffee.xml"), temp.resolve("c.xml"));
        Files.copy(folder.resolve("Coffee.xml"), temp.resolve("d.xml"));
        assertThatThrownBy(() -> GeniusReader.readFolder(temp))
                .hasMessageContaining("d.xml: <negotiation_template> at line")
                .hasMessageContaining("a second domain");
    }

    /** A copy of a real scenario in which one text in one file is replaced (the change must happen). */
    private static Path copyWith(Path temp, String scenario, String fileName, String from, String to)
            throws IOException {
        Path folder = AnacCorpus.scenario(scenario);
        for (Path file : xmlFiles(folder)) Files.copy(file, temp.resolve(file.getFileName()));
        Path copy = temp.resolve(fileName);
        String text = Files.readString(copy);
        assertThat(text).contains(from);
        Files.writeString(copy, text.replaceFirst(Pattern.quote(from), Matcher.quoteReplacement(to)));
        return copy;
    }

    private static int lineOf(Path file, String text) throws IOException {
        List<String> lines = Files.readAllLines(file);
        for (int i = 0; i < lines.size(); i++) if (lines.get(i).contains(text)) return i + 1;
        throw new AssertionError(text + " is not in " + file);
    }

    private static Deal uniform(Table table, java.util.function.IntUnaryOperator value) {
        Map<String, String> choices = new LinkedHashMap<>();
        List<Issue> issues = table.negotiation().issues();
        for (int i = 0; i < issues.size(); i++)
            choices.put(issues.get(i).id(), Integer.toString(value.applyAsInt(i + 1)));
        return new Deal(choices);
    }

    private static List<Path> xmlFiles(Path folder) throws IOException {
        try (Stream<Path> list = Files.list(folder)) {
            return list.filter(f -> f.toString().endsWith(".xml"))
                    .filter(XmlElement::looksLikeXml)
                    .sorted()
                    .toList();
        }
    }

    private static String root(Path file) {
        return XmlElement.read(file).name();
    }
}
