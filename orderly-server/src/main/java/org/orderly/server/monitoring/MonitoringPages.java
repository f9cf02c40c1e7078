package org.orderly.server.monitoring;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Optional;
import javax.xml.stream.XMLOutputFactory;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamWriter;
import org.orderly.monitoring.Indicator;
import org.orderly.monitoring.IndicatorValue;
import org.orderly.monitoring.Indicators;
import org.orderly.monitoring.visa.DestinationChanges;
import org.orderly.monitoring.visa.VisaChange;
import org.orderly.monitoring.visa.VisaChanges;
import org.orderly.monitoring.visa.VisaSnapshot;
import org.orderly.regime.Party;
import org.orderly.regime.Registry;
import org.orderly.regime.State;
import org.orderly.server.regime.RegimeService;
import org.orderly.server.web.WorldMap;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseBody;
import org.springframework.web.bind.annotation.ResponseStatus;
import tools.jackson.databind.json.JsonMapper;

/** Public monitoring pages: the indicators, one page per indicator, a scorecard and a country review per state, a feed. */
@Controller
class MonitoringPages {
    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final MonitoringService monitoring;
    private final RegimeService regime;
    private final WorldMap worldMap;
    private final ReportedValues reported;

    MonitoringPages(MonitoringService monitoring, RegimeService regime, WorldMap worldMap, ReportedValues reported) {
        this.monitoring = monitoring;
        this.regime = regime;
        this.worldMap = worldMap;
        this.reported = reported;
    }

    /** One state's latest value of one indicator, with what it is held against. */
    record Latest(
            Indicator indicator,
            IndicatorValue value,
            boolean missesTarget,
            String trendJson,
            String shown,
            String target) {}

    /** A row of an indicator's table: the state's name beside its value. */
    record Row(String code, String name, IndicatorValue value, boolean missesTarget, String shown) {}

    @GetMapping("/indicators")
    String indicators(Model model) {
        model.addAttribute("indicators", Indicators.ALL);
        model.addAttribute(
                "snapshots",
                monitoring.snapshots().stream().map(s -> s.date().toString()).toList());
        return "indicators";
    }

    /** An indicator's table for one period: its periods, the one chosen, and a row per state (with "no records yet"). */
    private record Table(Indicator indicator, List<String> periods, String period, List<Row> rows) {}

    private Table table(String id, String period) {
        Indicator indicator = Indicators.byId(id)
                .orElseThrow(() -> new NoSuchElementException("There is no indicator '" + id + "'."));
        List<IndicatorValue> values = IndicatorTables.select(monitoring.values(), id, null, null, null);
        List<String> periods = values.stream()
                .map(IndicatorValue::period)
                .filter(p -> !p.isEmpty())
                .distinct()
                .sorted()
                .toList();
        String chosen = period != null && periods.contains(period)
                ? period
                : periods.isEmpty() ? "" : periods.get(periods.size() - 1);
        Registry registry = regime.registry();
        Map<String, IndicatorValue> latest = new LinkedHashMap<>();
        for (IndicatorValue v : values) {
            // The chosen period; a state without a value for it shows its "no records yet".
            if (v.period().equals(chosen) || (!v.recorded() && v.period().isEmpty()))
                latest.merge(v.subject(), v, (a, b) -> a.recorded() ? a : b);
        }
        List<Row> rows = new ArrayList<>();
        latest.forEach((code, v) -> rows.add(
                new Row(code, registry.party(code).map(Party::name).orElse(code), v, misses(v), show(v.value()))));
        rows.sort(Comparator.comparing(Row::name));
        return new Table(indicator, periods, chosen, rows);
    }

    /** A state's value in the period compared with, and the change to the period shown (empty when either is missing). */
    public record Change(String earlier, String difference) {}

    @GetMapping("/indicators/{id}")
    String indicator(
            @PathVariable String id,
            @RequestParam(required = false) String period,
            @RequestParam(required = false) String compare,
            Model model) {
        Table table = table(id, period);
        // The change view of any indicator: each state's value in an earlier (or later) period beside the one shown.
        String other = compare == null
                        || compare.isBlank()
                        || !table.periods().contains(compare.strip())
                        || compare.strip().equals(table.period())
                ? null
                : compare.strip();
        Map<String, Change> changes = new LinkedHashMap<>();
        if (other != null) {
            Map<String, Row> earlier = new LinkedHashMap<>();
            table(id, other).rows().forEach(r -> earlier.put(r.code(), r));
            for (Row now : table.rows()) {
                Row then = earlier.get(now.code());
                boolean both = then != null
                        && then.value().recorded()
                        && now.value().recorded()
                        && then.value().value() != null
                        && now.value().value() != null;
                double difference = both ? now.value().value() - then.value().value() : 0;
                changes.put(
                        now.code(),
                        new Change(
                                then == null || !then.value().recorded() ? "no value" : then.shown(),
                                !both
                                        ? ""
                                        : difference == 0
                                                ? "no change"
                                                : (difference > 0 ? "+" : "−") + show(Math.abs(difference))));
            }
        }
        model.addAttribute("compare", other);
        model.addAttribute("changes", changes);
        model.addAttribute("visaChanges", id.startsWith("visa"));
        model.addAttribute("indicator", table.indicator());
        model.addAttribute("periods", table.periods());
        model.addAttribute("period", table.period());
        model.addAttribute("rows", table.rows());
        model.addAttribute(
                "recorded",
                table.rows().stream().filter(r -> r.value().recorded()).count());
        model.addAttribute(
                "bands",
                IndicatorMap.bands(
                        table.rows().stream().map(r -> r.value().value()).toList()));
        Map<String, ReportedValues.Compared> reportedNow = new LinkedHashMap<>();
        reported.of(table.indicator().id()).stream()
                .filter(c -> c.reported().period().equals(table.period()))
                .forEach(c -> reportedNow.put(c.reported().party(), c));
        model.addAttribute("reported", reportedNow);
        return "indicator";
    }

    /** One state on an indicator's world map: the geometry's name, the state, its value as shown and its band (-1: none). */
    record MapEntry(String name, String code, String label, Double value, String shown, int band, String note) {}

    @GetMapping("/indicators/{id}/map.json")
    @ResponseBody
    List<MapEntry> map(@PathVariable String id, @RequestParam(required = false) String period) {
        Table table = table(id, period);
        List<IndicatorMap.Band> bands = IndicatorMap.bands(
                table.rows().stream().map(r -> r.value().value()).toList());
        List<MapEntry> entries = new ArrayList<>();
        for (Row row : table.rows()) {
            Optional<String> name = worldMap.name(row.code());
            if (name.isEmpty()) continue;
            Double value = row.value().value();
            entries.add(new MapEntry(
                    name.get(),
                    row.code(),
                    row.name(),
                    value,
                    value == null ? row.value().absence() : row.shown(),
                    IndicatorMap.band(bands, value),
                    row.value().note()));
        }
        return entries;
    }

    @GetMapping("/scorecards")
    String scorecards(Model model) {
        model.addAttribute(
                "states",
                regime.registry().states().stream()
                        .sorted(Comparator.comparing(State::name))
                        .toList());
        return "scorecards";
    }

    @GetMapping("/scorecards/{party}")
    String scorecard(@PathVariable String party, Model model) {
        scorecardModel(party, model);
        return "scorecard";
    }

    @GetMapping("/scorecards/{party}/review")
    String review(@PathVariable String party, Model model) {
        scorecardModel(party, model);
        String code = party.toUpperCase(Locale.ROOT);
        Optional<VisaChanges> changes = monitoring.latestChanges();
        model.addAttribute(
                "changes",
                changes.map(c -> c.changes().stream()
                                .filter(x -> x.destination().equals(code))
                                .toList())
                        .orElse(List.of()));
        model.addAttribute(
                "changesFrom", changes.map(c -> c.before().date().toString()).orElse(null));
        model.addAttribute(
                "changesTo", changes.map(c -> c.after().date().toString()).orElse(null));
        model.addAttribute("generated", regime.today().toString());
        return "country-review";
    }

    private void scorecardModel(String party, Model model) {
        String code = party.strip().toUpperCase(Locale.ROOT);
        State state = regime.registry()
                .party(code)
                .filter(p -> p instanceof State)
                .map(State.class::cast)
                .orElseThrow(() -> new NoSuchElementException("There is no state '" + party + "' in the registry."));
        List<Latest> latest = new ArrayList<>();
        for (Indicator indicator : Indicators.ALL) {
            // A scorecard is a state's: the indicators about channels and corridors are on their own pages.
            if (indicator.subjects() != Indicator.Subjects.STATES) continue;
            List<IndicatorValue> own = IndicatorTables.select(monitoring.values(), indicator.id(), code, null, null);
            IndicatorValue last = own.stream()
                    .filter(IndicatorValue::recorded)
                    .reduce((a, b) -> b)
                    .orElse(
                            own.isEmpty()
                                    ? IndicatorValue.noRecordsYet(indicator.id(), code, "", "not computed")
                                    : own.get(own.size() - 1));
            List<Object[]> trend = own.stream()
                    .filter(IndicatorValue::recorded)
                    .map(v -> new Object[] {v.period(), v.value()})
                    .toList();
            latest.add(new Latest(
                    indicator,
                    last,
                    misses(last),
                    trend.size() > 1 ? JSON.writeValueAsString(trend) : null,
                    show(last.value()),
                    show(last.target())));
        }
        model.addAttribute("state", state);
        model.addAttribute("latest", latest);
        Map<String, List<ReportedValues.Compared>> reportedByIndicator = new LinkedHashMap<>();
        reported.ofParty(code)
                .forEach(c -> reportedByIndicator
                        .computeIfAbsent(c.reported().indicatorId(), i -> new ArrayList<>())
                        .add(c));
        model.addAttribute("reported", reportedByIndicator);
    }

    private static boolean misses(IndicatorValue value) {
        // Every target Orderly ships is a ceiling: remittance costs below 3 %, no implementation gap.
        return value.missesTarget(true);
    }

    /** A changed destination with its name, for the table of changes. */
    public record ChangedDestination(String name, DestinationChanges changes) {}

    /** One passport's change at a destination, in words. */
    public record PassportChange(String name, String before, String after, String kind) {}

    /**
     * The change view: every destination's changes between two visa matrices (by default the two latest), counted by kind
     * in words and read as policy, a source's relabelling or the pandemic; with {@code destination}, its passports.
     */
    @GetMapping("/indicators/changes")
    String changes(
            @RequestParam(required = false) String from,
            @RequestParam(required = false) String to,
            @RequestParam(required = false) String destination,
            Model model) {
        List<VisaSnapshot> snapshots = monitoring.snapshots();
        List<String> dates = snapshots.stream().map(s -> s.date().toString()).toList();
        model.addAttribute("snapshots", dates);
        model.addAttribute("rows", List.of());
        model.addAttribute("destination", null);
        model.addAttribute("passports", List.of());
        model.addAttribute("error", null);
        model.addAttribute("total", "");
        String before =
                from == null || from.isBlank() ? (dates.size() < 2 ? "" : dates.get(dates.size() - 2)) : from.strip();
        String after = to == null || to.isBlank() ? (dates.isEmpty() ? "" : dates.get(dates.size() - 1)) : to.strip();
        model.addAttribute("from", before);
        model.addAttribute("to", after);
        if (dates.size() < 2) return "indicator-changes";
        for (String[] given : new String[][] {{"from", before}, {"to", after}}) {
            if (!dates.contains(given[1])) {
                model.addAttribute(
                        "error",
                        given[0] + " '" + given[1].substring(0, Math.min(40, given[1].length()))
                                + "' is not the date of a visa matrix held here: choose one of "
                                + String.join(", ", dates));
                return "indicator-changes";
            }
        }
        if (before.equals(after)) {
            model.addAttribute("error", "from and to are the same matrix (" + before + "): choose two different dates");
            return "indicator-changes";
        }
        Registry registry = regime.registry();
        List<DestinationChanges> all = DestinationChanges.of(
                VisaChanges.between(snapshots.get(dates.indexOf(before)), snapshots.get(dates.indexOf(after))));
        Map<VisaChange.Kind, Integer> total = new java.util.EnumMap<>(VisaChange.Kind.class);
        all.forEach(d -> d.counts().forEach((kind, n) -> total.merge(kind, n, Integer::sum)));
        model.addAttribute("total", DestinationChanges.inWords(total));
        model.addAttribute(
                "rows",
                all.stream()
                        .map(d -> new ChangedDestination(name(registry, d.destination()), d))
                        .sorted(Comparator.comparing(ChangedDestination::name))
                        .toList());
        if (destination != null && !destination.isBlank()) {
            String code = destination.strip().toUpperCase(Locale.ROOT);
            Optional<DestinationChanges> chosen =
                    all.stream().filter(d -> d.destination().equals(code)).findFirst();
            if (chosen.isEmpty()) {
                model.addAttribute(
                        "error",
                        "destination '" + code.substring(0, Math.min(40, code.length())) + "' changed nothing between "
                                + before + " and " + after + " (or is no state code)");
                return "indicator-changes";
            }
            model.addAttribute("destination", new ChangedDestination(name(registry, code), chosen.get()));
            model.addAttribute(
                    "passports",
                    chosen.get().changes().stream()
                            .map(c -> new PassportChange(
                                    name(registry, c.passport()),
                                    c.before() == null
                                            ? "not listed"
                                            : c.before().describe(),
                                    c.after() == null ? "not listed" : c.after().describe(),
                                    c.kind().label()))
                            .sorted(Comparator.comparing(PassportChange::name))
                            .toList());
        }
        return "indicator-changes";
    }

    private static String name(Registry registry, String code) {
        return registry.party(code).map(Party::name).orElse(code);
    }

    private static final String ATOM = "http://www.w3.org/2005/Atom";

    /**
     * Atom feed of visa policy changes: an entry per destination for every two consecutive matrices held, newest first,
     * each counted in words and saying when the change is a source's relabelling or the pandemic rather than policy;
     * written with StAX, never by joining strings.
     */
    @GetMapping(value = "/indicators/feed.atom", produces = "application/atom+xml")
    ResponseEntity<String> feed() {
        List<VisaSnapshot> snapshots = monitoring.snapshots();
        Registry registry = regime.registry();
        java.io.StringWriter out = new java.io.StringWriter();
        try {
            XMLStreamWriter xml = XMLOutputFactory.newFactory().createXMLStreamWriter(out);
            xml.writeStartDocument("utf-8", "1.0");
            xml.writeStartElement("feed");
            xml.writeDefaultNamespace(ATOM);
            text(xml, "title", "Orderly monitoring: visa policy changes");
            text(xml, "id", "urn:orderly:monitoring:changes");
            xml.writeEmptyElement("link");
            xml.writeAttribute("rel", "self");
            xml.writeAttribute("href", "/indicators/feed.atom");
            text(
                    xml,
                    "updated",
                    snapshots.isEmpty()
                            ? Instant.EPOCH.toString()
                            : stamp(snapshots.get(snapshots.size() - 1).date()));
            for (int i = snapshots.size() - 1; i >= 1; i--) {
                VisaSnapshot before = snapshots.get(i - 1);
                VisaSnapshot after = snapshots.get(i);
                for (DestinationChanges d : DestinationChanges.of(VisaChanges.between(before, after))) {
                    xml.writeStartElement("entry");
                    text(
                            xml,
                            "title",
                            name(registry, d.destination()) + ": visa policy changed for "
                                    + d.changes().size() + (d.changes().size() == 1 ? " passport" : " passports"));
                    text(
                            xml,
                            "id",
                            "urn:orderly:visa-change:" + d.destination() + ':' + before.date() + ':' + after.date());
                    text(xml, "updated", stamp(after.date()));
                    xml.writeEmptyElement("link");
                    xml.writeAttribute(
                            "href",
                            "/indicators/changes?from=" + before.date() + "&to=" + after.date() + "&destination="
                                    + d.destination());
                    text(
                            xml,
                            "summary",
                            "Between the visa matrices of " + before.date() + " and " + after.date() + ": "
                                    + d.inWords() + "."
                                    + (d.reading().caution() == null
                                            ? ""
                                            : " Not policy? " + d.reading().caution() + "."));
                    xml.writeEndElement();
                }
            }
            xml.writeEndElement();
            xml.writeEndDocument();
            xml.close();
        } catch (XMLStreamException e) {
            throw new IllegalStateException("the feed could not be written: " + e.getMessage(), e);
        }
        return ResponseEntity.ok()
                .contentType(MediaType.parseMediaType("application/atom+xml; charset=UTF-8"))
                .body(out.toString());
    }

    private static void text(XMLStreamWriter xml, String element, String text) throws XMLStreamException {
        xml.writeStartElement(element);
        xml.writeCharacters(text);
        xml.writeEndElement();
    }

    private static String stamp(LocalDate date) {
        return date.atStartOfDay().toInstant(ZoneOffset.UTC).toString();
    }

    /** A number as the pages show it: whole numbers without decimals, shares and percentages with three. */
    static String show(Double value) {
        if (value == null) return "";
        return value == Math.rint(value) ? IndicatorTables.number(value) : String.format(Locale.ROOT, "%.3f", value);
    }

    @ExceptionHandler(NoSuchElementException.class)
    @ResponseStatus(HttpStatus.NOT_FOUND)
    String notFound(NoSuchElementException e, Model model) {
        model.addAttribute("message", e.getMessage());
        return "not-found";
    }
}
