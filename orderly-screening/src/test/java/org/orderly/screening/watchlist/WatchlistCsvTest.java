package org.orderly.screening.watchlist;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.StringReader;
import org.junit.jupiter.api.Test;

class WatchlistCsvTest {
    @Test
    void readsOrderlyPersonFormatWithAliases() throws Exception {
        Watchlist list = WatchlistCsv.read(
                "un",
                new StringReader(
                        "id,name,aliases,birth_date,nationality\nQDi.1,\"SALEK, ABDULHAI\",Abdul Hai;A. Salek,1965,af\n"),
                "un.csv");
        PersonEntry person = list.persons().get(0);
        assertThat(person.aliases()).containsExactly("Abdul Hai", "A. Salek");
        assertThat(person.nationality()).isEqualTo("AFG");
        assertThat(person.birthDate().year()).isEqualTo(1965);
    }

    @Test
    void readsSharedDataSetColumns() throws Exception {
        Watchlist list = WatchlistCsv.read(
                "g",
                new StringReader(
                        "full_name,first_name,middle_name,last_name,gender,date_of_birth,place_of_birth,nationality\n"
                                + "Patricia Lucas Wheeler,Patricia,Lucas,Wheeler,female,2002-07-14,Dar es Salaam,Ethiopia\n"),
                "g.csv");
        assertThat(list.persons().get(0).nationality()).isEqualTo("ETH");
        assertThat(list.persons().get(0).birthDate().full()).isTrue();
    }

    @Test
    void reportsFileAndLineOfMalformedRow() {
        assertThatThrownBy(() -> WatchlistCsv.read(
                        "x", new StringReader("id,name\n1,Ann Lee\n2,\"Bob \"x\" Ray\"\n"), "bad.csv"))
                .isInstanceOf(WatchlistFormatException.class)
                .hasMessageStartingWith("bad.csv line 3");
    }

    @Test
    void rejectsHeaderWithoutName() {
        assertThatThrownBy(() -> WatchlistCsv.read("x", new StringReader("id,alias\n1,x\n"), "h.csv"))
                .isInstanceOf(WatchlistFormatException.class)
                .hasMessageStartingWith("h.csv:1:");
    }

    @Test
    void normalisesDocumentNumbersWithoutFoldingLetterOIntoZero() {
        assertThat(DocumentEntry.normaliseNumber("ab-12 3<4")).isEqualTo("AB1234");
        assertThat(DocumentEntry.normaliseNumber("O123")).isNotEqualTo(DocumentEntry.normaliseNumber("0123"));
    }

    @Test
    void refusesUnknownColumnsShortRowsAndHalfValidDatesNamingLineColumnAndField() {
        assertThatThrownBy(() -> WatchlistCsv.read("x", new StringReader("id,name,passport\n1,Ann Lee,X1\n"), "u.csv"))
                .isInstanceOf(WatchlistFormatException.class)
                .hasMessageContaining("passport");
        assertThatThrownBy(() ->
                        WatchlistCsv.read("x", new StringReader("id,name,aliases,birth_date\n1,Ann Lee\n"), "s.csv"))
                .isInstanceOf(WatchlistFormatException.class)
                .hasMessageStartingWith("s.csv line 2");
        assertThatThrownBy(() ->
                        WatchlistCsv.read("x", new StringReader("id,name,birth_date\n1,Ann Lee,1965-02\n"), "d.csv"))
                .isInstanceOf(WatchlistFormatException.class)
                .hasMessageStartingWith("d.csv line 2, column 3 (birth_date)");
    }
}
