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
import org.orderly.monitoring.Indicator;
import org.orderly.monitoring.IndicatorValue;
import org.orderly.monitoring.Indicators;
import org.orderly.monitoring.visa.VisaChange;
import org.orderly.monitoring.visa.VisaChanges;
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
    record Latest(Indicator indicator, IndicatorValue value, boolean missesTarget, String trendJson, String shown, String target) {
    }

    /** A row of an indicator's table: the state's name beside its value. */
    record Row(String code, String name, IndicatorValue value, boolean missesTarget, String shown) {
    }

    @GetMapping("/indicators")
    String indicators(Model model) {
        model.addAttribute("indicators", Indicators.ALL);
        model.addAttribute("snapshots", monitoring.snapshots().stream().map(s -> s.date().toString()).toList());
        return "indicators";
    }

    /** An indicator's table for one period: its periods, the one chosen, and a row per state (with "no records yet"). */
    private record Table(Indicator indicator, List<String> periods, String period, List<Row> rows) {
    }

    private Table table(String id, String period) {
        Indicator indicator = Indicators.byId(id).orElseThrow(() -> new NoSuchElementException("There is no indicator '" + id + "'."));
        List<IndicatorValue> values = IndicatorTables.select(monitoring.values(), id, null, null, null);
        List<String> periods = values.stream().map(IndicatorValue::period).filter(p -> !p.isEmpty()).distinct().sorted().toList();
        String chosen = period != null && periods.contains(period) ? period : periods.isEmpty() ? "" : periods.get(periods.size() - 1);
        Registry registry = regime.registry();
        Map<String, IndicatorValue> latest = new LinkedHashMap<>();
        for (IndicatorValue v : values) {
            // The chosen period; a state without a value for it shows its "no records yet".
            if (v.period().equals(chosen) || (!v.recorded() && v.period().isEmpty())) latest.merge(v.subject(), v, (a, b) -> a.recorded() ? a : b);
        }
        List<Row> rows = new ArrayList<>();
        latest.forEach((code, v) -> rows.add(new Row(code, registry.party(code).map(Party::name).orElse(code), v, misses(v), show(v.value()))));
        rows.sort(Comparator.comparing(Row::name));
        return new Table(indicator, periods, chosen, rows);
    }

    @GetMapping("/indicators/{id}")
    String indicator(@PathVariable String id, @RequestParam(required = false) String period, Model model) {
        Table table = table(id, period);
        model.addAttribute("indicator", table.indicator());
        model.addAttribute("periods", table.periods());
        model.addAttribute("period", table.period());
        model.addAttribute("rows", table.rows());
        model.addAttribute("recorded", table.rows().stream().filter(r -> r.value().recorded()).count());
        model.addAttribute("bands", IndicatorMap.bands(table.rows().stream().map(r -> r.value().value()).toList()));
        Map<String, ReportedValues.Compared> reportedNow = new LinkedHashMap<>();
        reported.of(table.indicator().id()).stream().filter(c -> c.reported().period().equals(table.period()))
                .forEach(c -> reportedNow.put(c.reported().party(), c));
        model.addAttribute("reported", reportedNow);
        return "indicator";
    }

    /** One state on an indicator's world map: the geometry's name, the state, its value as shown and its band (-1: none). */
    record MapEntry(String name, String code, String label, Double value, String shown, int band, String note) {
    }

    @GetMapping("/indicators/{id}/map.json")
    @ResponseBody
    List<MapEntry> map(@PathVariable String id, @RequestParam(required = false) String period) {
        Table table = table(id, period);
        List<IndicatorMap.Band> bands = IndicatorMap.bands(table.rows().stream().map(r -> r.value().value()).toList());
        List<MapEntry> entries = new ArrayList<>();
        for (Row row : table.rows()) {
            Optional<String> name = worldMap.name(row.code());
            if (name.isEmpty()) continue;
            Double value = row.value().value();
            entries.add(new MapEntry(name.get(), row.code(), row.name(), value, value == null ? row.value().absence() : row.shown(),
                    IndicatorMap.band(bands, value), row.value().note()));
        }
        return entries;
    }

    @GetMapping("/scorecards")
    String scorecards(Model model) {
        model.addAttribute("states", regime.registry().states().stream().sorted(Comparator.comparing(State::name)).toList());
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
        model.addAttribute("changes", changes.map(c -> c.changes().stream().filter(x -> x.destination().equals(code)).toList()).orElse(List.of()));
        model.addAttribute("changesFrom", changes.map(c -> c.before().date().toString()).orElse(null));
        model.addAttribute("changesTo", changes.map(c -> c.after().date().toString()).orElse(null));
        model.addAttribute("generated", LocalDate.now(ZoneOffset.UTC).toString());
        return "country-review";
    }

    private void scorecardModel(String party, Model model) {
        String code = party.strip().toUpperCase(Locale.ROOT);
        State state = regime.registry().party(code).filter(p -> p instanceof State).map(State.class::cast)
                .orElseThrow(() -> new NoSuchElementException("There is no state '" + party + "' in the registry."));
        List<Latest> latest = new ArrayList<>();
        for (Indicator indicator : Indicators.ALL) {
            // A scorecard is a state's: the indicators about channels and corridors are on their own pages.
            if (indicator.subjects() != Indicator.Subjects.STATES) continue;
            List<IndicatorValue> own = IndicatorTables.select(monitoring.values(), indicator.id(), code, null, null);
            IndicatorValue last = own.stream().filter(IndicatorValue::recorded).reduce((a, b) -> b)
                    .orElse(own.isEmpty() ? IndicatorValue.noRecordsYet(indicator.id(), code, "", "not computed") : own.get(own.size() - 1));
            List<Object[]> trend = own.stream().filter(IndicatorValue::recorded).map(v -> new Object[] {v.period(), v.value()}).toList();
            latest.add(new Latest(indicator, last, misses(last), trend.size() > 1 ? JSON.writeValueAsString(trend) : null, show(last.value()),
                    show(last.target())));
        }
        model.addAttribute("state", state);
        model.addAttribute("latest", latest);
        Map<String, List<ReportedValues.Compared>> reportedByIndicator = new LinkedHashMap<>();
        reported.ofParty(code).forEach(c -> reportedByIndicator.computeIfAbsent(c.reported().indicatorId(), i -> new ArrayList<>()).add(c));
        model.addAttribute("reported", reportedByIndicator);
    }

    private static boolean misses(IndicatorValue value) {
        // Every target Orderly ships is a ceiling: remittance costs below 3 %, no implementation gap.
        return value.missesTarget(true);
    }

    /** Atom feed of changes: visa policy changes between the two latest snapshots, per destination. */
    @GetMapping(value = "/indicators/feed.atom", produces = "application/atom+xml")
    ResponseEntity<String> feed() {
        StringBuilder xml = new StringBuilder("<?xml version=\"1.0\" encoding=\"utf-8\"?>\n<feed xmlns=\"http://www.w3.org/2005/Atom\">\n")
                .append("  <title>Orderly monitoring: changes</title>\n  <id>urn:orderly:monitoring:changes</id>\n")
                .append("  <link rel=\"self\" href=\"/indicators/feed.atom\"/>\n");
        Optional<VisaChanges> changes = monitoring.latestChanges();
        String updated = changes.map(c -> c.after().date().atStartOfDay().toInstant(ZoneOffset.UTC).toString())
                .orElse(Instant.EPOCH.toString());
        xml.append("  <updated>").append(updated).append("</updated>\n");
        changes.ifPresent(c -> {
            Map<String, List<VisaChange>> byDestination = new LinkedHashMap<>();
            c.changes().stream().sorted(Comparator.comparing(VisaChange::destination))
                    .forEach(change -> byDestination.computeIfAbsent(change.destination(), d -> new ArrayList<>()).add(change));
            byDestination.forEach((destination, list) -> {
                Map<String, Integer> kinds = new LinkedHashMap<>();
                list.forEach(change -> kinds.merge(change.kind().label(), 1, Integer::sum));
                String name = regime.registry().party(destination).map(Party::name).orElse(destination);
                xml.append("  <entry>\n    <title>").append(escape(name + ": visa policy changed for " + list.size() + " passports"))
                        .append("</title>\n    <id>urn:orderly:visa-change:").append(destination).append(':').append(c.after().date()).append("</id>\n")
                        .append("    <updated>").append(updated).append("</updated>\n")
                        .append("    <link href=\"/scorecards/").append(destination).append("\"/>\n")
                        .append("    <summary>").append(escape("Between the visa matrices of " + c.before().date() + " and " + c.after().date()
                                + ": " + kinds)).append("</summary>\n  </entry>\n");
            });
        });
        xml.append("</feed>\n");
        return ResponseEntity.ok().contentType(MediaType.parseMediaType("application/atom+xml; charset=UTF-8")).body(xml.toString());
    }

    private static String escape(String text) {
        return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
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
