package org.orderly.server.web;

import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.NoSuchElementException;
import org.orderly.regime.Registry;
import org.orderly.regime.State;
import org.orderly.regime.TravelCategory;
import org.orderly.server.regime.RegimeService;
import org.orderly.travel.requirement.TravelRules;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.CacheControl;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * What the maps draw: the geometry (compressed, cached for a year under a content-hashed name),
 * the parties of an instrument that have no shape in it (listed beside the map), and a passport's
 * requirements to every destination.
 */
@RestController
class MapController {
    private final WorldMap worldMap;
    private final RegimeService regime;
    private final Glossary glossary;

    MapController(WorldMap worldMap, RegimeService regime, Glossary glossary) {
        this.worldMap = worldMap;
        this.regime = regime;
        this.glossary = glossary;
    }

    @GetMapping("/geo/world-{version}.json")
    ResponseEntity<byte[]> geometry(
            @PathVariable String version,
            @RequestHeader(value = HttpHeaders.ACCEPT_ENCODING, required = false) String acceptEncoding) {
        if (!version.equals(worldMap.version())) {
            // An old page asks for an old version: send it to the current one rather than cache a mismatch.
            return ResponseEntity.status(302)
                    .location(java.net.URI.create(worldMap.url()))
                    .build();
        }
        boolean gzip = acceptEncoding != null
                && acceptEncoding.toLowerCase(Locale.ROOT).contains("gzip");
        ResponseEntity.BodyBuilder response = ResponseEntity.ok()
                .contentType(MediaType.APPLICATION_JSON)
                .cacheControl(
                        CacheControl.maxAge(Duration.ofDays(365)).cachePublic().immutable())
                .eTag('"' + worldMap.version() + '"')
                .header(HttpHeaders.VARY, HttpHeaders.ACCEPT_ENCODING);
        if (gzip) return response.header(HttpHeaders.CONTENT_ENCODING, "gzip").body(worldMap.gzipped());
        return response.body(worldMap.geometry());
    }

    /** A party that takes part in an instrument but has no shape on the world map (a small state). */
    record Unmapped(String code, String name, String status) {}

    @GetMapping("/map/{id}/without-shape.json")
    List<Unmapped> withoutShape(
            @PathVariable String id,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate date) {
        Registry registry = regime.registry();
        LocalDate on = date == null ? RegimeService.today() : date;
        if (registry.instrument(id).isEmpty())
            throw new NoSuchElementException("No instrument with the id '" + id + "'.");
        // The same participations as the map draws (registry.strongestParticipationsOn), never a second rule of what
        // existed when.
        List<Unmapped> unmapped = new ArrayList<>();
        registry.strongestParticipationsOn(id, on).forEach((party, p) -> {
            if (worldMap.name(party).isPresent()) return;
            if (!(registry.party(party).orElse(null) instanceof State state)) return;
            unmapped.add(new Unmapped(party, state.name(), glossary.label(p.status())));
        });
        unmapped.sort(Comparator.comparing(Unmapped::name));
        return unmapped;
    }

    /** One destination on a passport's map: the geometry's name, the state's name and what holders need. */
    record Destination(String name, String code, String label, String category, String need, String basis) {}

    @GetMapping("/map/passport/{code}.json")
    List<Destination> passport(
            @PathVariable String code,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate date) {
        Registry registry = regime.registry();
        String passport = code.toUpperCase(Locale.ROOT);
        if (!(registry.party(passport).orElse(null) instanceof State)) {
            throw new NoSuchElementException("No state with the code '" + code + "'.");
        }
        TravelRules rules = regime.travelRules(date == null ? RegimeService.today() : date);
        List<Destination> destinations = new ArrayList<>();
        for (State destination : registry.states()) {
            var requirement = rules.requirement(passport, destination.id()).orElseThrow();
            TravelCategory category = requirement.category();
            String basis = switch (requirement.basis()) {
                case OWN_COUNTRY -> "own country";
                case COMMITMENT -> "commitment in force";
                case UNILATERAL_POLICY -> "national policy (visa matrix)";
                case NO_RULE -> "no rule recorded";
            };
            destinations.add(new Destination(
                    worldMap.name(destination.id()).orElse(null),
                    destination.id(),
                    destination.name(),
                    category.name().toLowerCase(Locale.ROOT),
                    category.label(),
                    basis));
        }
        return destinations;
    }
}
