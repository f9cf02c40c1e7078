package org.orderly.regime.reference;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.regex.Pattern;
import org.orderly.regime.Commitment;
import org.orderly.regime.CommitmentTerms;
import org.orderly.regime.Instrument;
import org.orderly.regime.LegalChannel;
import org.orderly.regime.Organisation;
import org.orderly.regime.Participation;
import org.orderly.regime.Party;
import org.orderly.regime.Pillar;
import org.orderly.regime.Process;
import org.orderly.regime.Registry;
import org.orderly.regime.Scope;
import org.orderly.regime.Source;
import org.orderly.regime.State;
import org.orderly.regime.Term;
import org.orderly.regime.channel.ChannelFacts;

/**
 * Loads Orderly's own reference data (states, organisations, consultative processes, instruments,
 * participations, commitments and legal channels) from eight CSV files into a {@link Registry}, refusing any file
 * with a message that names the file, the line and what is wrong.
 *
 * <p>The files, each with the header shown, every row ending in {@code source_title,source_reference,as_of}
 * (the as-of date being the day on which we vouch the fact was true), lists inside a cell separated by {@code |}:
 * <ul>
 *   <li>{@code states.csv}: {@code alpha3,alpha2,numeric,name,standing,region,sub_region,…}. Codes are ISO 3166-1;
 *       XKX (Kosovo) is the user-assigned code that travel data use and has no numeric code. Names are the
 *       ISO 3166-1 English short names without "(the)" or a parenthesised qualifier, inversions put in natural
 *       order ("Republic of Korea", "Bolivia", "United Republic of Tanzania"), except where the bare name would be
 *       another thing: "Micronesia (Federated States of)", as ISO and M49 write it, since Micronesia is also an M49
 *       sub-region. {@code region} is the UN M49 region; {@code sub_region} is the M49 sub-region, one level for every
 *       state (Sub-Saharan Africa and Latin America and the Caribbean included; M49's intermediate regions, which
 *       exist in only some sub-regions, are not used). Taiwan and Kosovo have no M49 entry and are placed by
 *       geography, as their source says.</li>
 *   <li>{@code organisations.csv}: {@code id,name,mandate,…}; {@code processes.csv}: {@code id,name,focus,…}.</li>
 *   <li>{@code instruments.csv}: {@code id,title,kind,level,binding,adopted,in_force,applied,pillars,…}; a non-binding
 *       declaration has an empty {@code in_force}, so none of its commitments ever enters a rulebook; {@code applied} is
 *       the date of application when it came after the entry into force (empty otherwise).</li>
 *   <li>{@code participations.csv}: {@code party,subject,status,since,until,reservations,…}; {@code until} is the
 *       first day the participation no longer applies; an empty {@code since} means we cannot vouch the date, and a
 *       {@code since} of four digits is a year whose day the source does not give.
 *       Process member lists are only those we can vouch for; several are incomplete and say so in their source.</li>
 *   <li>{@code commitments.csv}: {@code instrument,kind,grantors,beneficiaries,from,until,condition,terms,…}; a {@code condition} with
 *       an empty {@code from} is a commitment written in the instrument that waits for its condition and applies on
 *       no date; grantors and
 *       beneficiaries are state codes or {@code PARTIES}, both empty for a reciprocal scope; {@code terms} is
 *       {@code key=value;key=value} with the keys of {@link org.orderly.regime.CommitmentTerms}.</li>
 *   <li>{@code channels.csv}: {@code id,instrument,destination,eligible,from,until,purpose,title,occupations,decision,apply_at,verified,…}:
 *       one {@link LegalChannel} each; {@code eligible} is {@code ANY} (any nationality), {@code PARTIES} (the instrument's
 *       parties) or state codes; {@code occupations} ISCO-08 codes (empty: any); {@code verified} whether we vouch for the
 *       channel's own facts.</li>
 *   <li>{@code channel-facts.csv}: {@code channel,fact,kind,parameters,text,year,verified,…}: the channels' criteria, points-grid
 *       bands, quotas and conditions ({@link ChannelFacts}), each with its own source; a fact we cannot trace to an
 *       instrument, article, figure and year is {@code verified=false} and shown as unverified; a grid whose bands overlap or
 *       leave a gap is refused with the band's line.</li>
 * </ul>
 *
 * <p>Instrument ids match the UN Treaty Collection status files of the shared data set where one exists;
 * see {@link #ratificationFileFor(String)}.
 */
public final class ReferenceData {

    /** The files, in the order they are read (later files refer to earlier ones). */
    public static final List<String> FILES = List.of(
            "states.csv",
            "organisations.csv",
            "processes.csv",
            "instruments.csv",
            "participations.csv",
            "commitments.csv",
            "channels.csv",
            "channel-facts.csv");

    /** The UN M49 regions and, for each, its sub-regions (one level), as used in {@code states.csv}. */
    public static final Map<String, Set<String>> REGIONS = Map.of(
            "Africa", Set.of("Northern Africa", "Sub-Saharan Africa"),
            "Americas", Set.of("Northern America", "Latin America and the Caribbean"),
            "Asia", Set.of("Central Asia", "Eastern Asia", "South-eastern Asia", "Southern Asia", "Western Asia"),
            "Europe", Set.of("Eastern Europe", "Northern Europe", "Southern Europe", "Western Europe"),
            "Oceania", Set.of("Australia and New Zealand", "Melanesia", "Micronesia", "Polynesia"));

    // Instrument id -> file name in the shared ratifications folder (UN Treaty Collection status, one file per treaty).
    private static final Map<String, String> RATIFICATION_FILES = Map.of(
            "ICMW", "hr_status_icmw.csv",
            "CAT", "hr_status_cat.csv");

    private static final List<String> SOURCE_COLUMNS = List.of("source_title", "source_reference", "as_of");
    private static final List<String> FACT_HEADER;

    static {
        List<String> header = new ArrayList<>(List.of("channel"));
        header.addAll(ChannelFacts.COLUMNS);
        FACT_HEADER = List.copyOf(header);
    }

    private static final Pattern ALPHA2 = Pattern.compile("[A-Z]{2}");
    private static final Pattern NUMERIC = Pattern.compile("[0-9]{3}");
    private static final Pattern IDENTIFIER = Pattern.compile("[A-Z][A-Z0-9_]*");

    private ReferenceData() {}

    /** Loads the reference data shipped on the class path (package {@code org.orderly.regime.reference}). */
    public static Registry load() {
        return load(name -> {
            try (InputStream in = ReferenceData.class.getResourceAsStream(name)) {
                if (in == null)
                    throw new ReferenceDataException(
                            name, 0, "not found on the class path next to " + ReferenceData.class.getName());
                return new String(in.readAllBytes(), StandardCharsets.UTF_8);
            } catch (IOException e) {
                throw new ReferenceDataException(name, 0, "cannot be read: " + e.getMessage());
            }
        });
    }

    /** Loads the same six files from a folder, for example to check an edited copy before shipping it. */
    public static Registry load(Path directory) {
        return load(name -> {
            try {
                return Files.readString(directory.resolve(name), StandardCharsets.UTF_8);
            } catch (NoSuchFileException e) {
                throw new ReferenceDataException(name, 0, "not found in " + directory);
            } catch (IOException e) {
                throw new ReferenceDataException(name, 0, "cannot be read: " + e.getMessage());
            }
        });
    }

    /**
     * The file in the shared UN Treaty Collection ratification folder that holds the status of an
     * instrument: {@code ICMW} is {@code hr_status_icmw.csv}, {@code CAT} is {@code hr_status_cat.csv};
     * empty for instruments that have no such file.
     */
    public static Optional<String> ratificationFileFor(String instrumentId) {
        return Optional.ofNullable(RATIFICATION_FILES.get(instrumentId));
    }

    private static Registry load(Function<String, String> reader) {
        Loader loader = new Loader();
        loader.states(rows(reader, "states.csv", "alpha3,alpha2,numeric,name,standing,region,sub_region"));
        loader.organisations(rows(reader, "organisations.csv", "id,name,mandate"));
        loader.processes(rows(reader, "processes.csv", "id,name,focus"));
        loader.instruments(
                rows(reader, "instruments.csv", "id,title,kind,level,binding,adopted,in_force,applied,pillars"));
        loader.participations(rows(reader, "participations.csv", "party,subject,status,since,until,reservations"));
        loader.commitments(
                rows(reader, "commitments.csv", "instrument,kind,grantors,beneficiaries,from,until,condition,terms"));
        loader.channels(
                rows(
                        reader,
                        "channels.csv",
                        "id,instrument,destination,eligible,from,until,purpose,title,occupations,decision,apply_at,verified"),
                ReferenceFile.read("channel-facts.csv", reader.apply("channel-facts.csv"), FACT_HEADER));
        try {
            return new Registry(
                    loader.parties, loader.instruments, loader.participations, loader.commitments, List.of());
        } catch (IllegalArgumentException e) {
            // The loader checks every reference with its line first, so this is a last line of defence.
            throw new ReferenceDataException("reference data", 0, e.getMessage());
        }
    }

    /** Runs a kernel constructor and turns its refusal into an error on the row (for the other reference readers). */
    static <T> T build(ReferenceFile.Row row, java.util.function.Supplier<T> constructor) {
        return Loader.build(row, constructor);
    }

    private static List<ReferenceFile.Row> rows(Function<String, String> reader, String file, String columns) {
        List<String> header = new ArrayList<>(List.of(columns.split(",")));
        header.addAll(SOURCE_COLUMNS);
        return ReferenceFile.read(file, reader.apply(file), header);
    }

    /** Builds the registry's parts file by file, remembering where each id was defined. */
    private static final class Loader {
        final List<Party> parties = new ArrayList<>();
        final List<Instrument> instruments = new ArrayList<>();
        final List<Participation> participations = new ArrayList<>();
        final List<Commitment> commitments = new ArrayList<>();
        private final Map<String, String> definedAt = new HashMap<>();
        private final Map<String, Party> partyById = new HashMap<>();
        private final Set<String> instrumentIds = new HashSet<>();

        private void define(ReferenceFile.Row row, String what, String id) {
            String earlier = definedAt.putIfAbsent(what + " " + id, row.file() + " line " + row.line());
            if (earlier != null) throw row.error(what + " '" + id + "' is already defined at " + earlier);
        }

        private String identifier(ReferenceFile.Row row, String column) {
            String id = row.required(column);
            if (!IDENTIFIER.matcher(id).matches()) {
                throw row.error(
                        column + " '" + id + "' must be upper-case letters, digits and '_', starting with a letter");
            }
            return id;
        }

        private void addParty(ReferenceFile.Row row, Party party) {
            define(row, "party id", party.id());
            parties.add(party);
            partyById.put(party.id(), party);
        }

        void states(List<ReferenceFile.Row> rows) {
            for (ReferenceFile.Row row : rows) {
                String alpha3 = row.required("alpha3");
                if (!State.isCode(alpha3))
                    throw row.error("alpha-3 code '" + alpha3 + "' must be three upper-case letters");
                String alpha2 = row.required("alpha2");
                if (!ALPHA2.matcher(alpha2).matches())
                    throw row.error("alpha-2 code '" + alpha2 + "' must be two upper-case letters");
                define(row, "alpha-2 code", alpha2);
                State.Standing standing = row.choice("standing", State.Standing.class);
                String numeric = row.optional("numeric");
                if (numeric.isEmpty()) {
                    if (standing != State.Standing.OTHER)
                        throw row.error("numeric code is empty; only states of standing OTHER may lack one");
                    numeric = null;
                } else {
                    if (!NUMERIC.matcher(numeric).matches())
                        throw row.error("numeric code '" + numeric + "' must be three digits");
                    define(row, "numeric code", numeric);
                }
                String region = row.required("region");
                Set<String> subRegions = REGIONS.get(region);
                if (subRegions == null)
                    throw row.error("region '" + region + "' is not a UN M49 region "
                            + REGIONS.keySet().stream().sorted().toList());
                String subRegion = row.required("sub_region");
                if (!subRegions.contains(subRegion)) {
                    throw row.error("sub_region '" + subRegion + "' is not one of " + region + "'s "
                            + subRegions.stream().sorted().toList());
                }
                addParty(
                        row,
                        new State(
                                alpha3,
                                alpha2,
                                numeric,
                                row.required("name"),
                                region,
                                subRegion,
                                standing,
                                row.source()));
            }
        }

        void organisations(List<ReferenceFile.Row> rows) {
            for (ReferenceFile.Row row : rows) {
                addParty(
                        row,
                        new Organisation(
                                identifier(row, "id"), row.required("name"), row.optional("mandate"), row.source()));
            }
        }

        void processes(List<ReferenceFile.Row> rows) {
            for (ReferenceFile.Row row : rows) {
                addParty(
                        row,
                        new Process(identifier(row, "id"), row.required("name"), row.optional("focus"), row.source()));
            }
        }

        void instruments(List<ReferenceFile.Row> rows) {
            for (ReferenceFile.Row row : rows) {
                String id = identifier(row, "id");
                if (partyById.containsKey(id)) throw row.error("instrument id '" + id + "' is already a party id");
                define(row, "instrument id", id);
                Set<Pillar> pillars = EnumSet.noneOf(Pillar.class);
                for (String pillar : row.list("pillars")) pillars.add(row.choice("pillar", pillar, Pillar.class));
                instruments.add(build(
                        row,
                        () -> new Instrument(
                                id,
                                row.required("title"),
                                row.choice("kind", Instrument.Kind.class),
                                row.choice("level", Instrument.Level.class),
                                row.bool("binding"),
                                row.optionalDate("adopted"),
                                row.optionalDate("in_force"),
                                row.optionalDate("applied"),
                                pillars,
                                row.source())));
                instrumentIds.add(id);
            }
        }

        void participations(List<ReferenceFile.Row> rows) {
            for (ReferenceFile.Row row : rows) {
                String party = row.required("party");
                if (!partyById.containsKey(party))
                    throw row.error("party '" + party + "' is not a known state, organisation or process");
                String subject = row.required("subject");
                if (!instrumentIds.contains(subject) && !(partyById.get(subject) instanceof Process)) {
                    throw row.error("subject '" + subject + "' is not a known instrument or process");
                }
                Participation.Status status = row.choice("status", Participation.Status.class);
                String sinceCell = row.optional("since");
                Participation participation = build(
                        row,
                        () -> Participation.published(
                                party,
                                subject,
                                status,
                                sinceCell,
                                row.optionalDate("until"),
                                row.list("reservations"),
                                row.source()));
                define(
                        row,
                        "participation",
                        party + " in " + subject + " since " + (sinceCell.isEmpty() ? "(undated)" : sinceCell));
                participations.add(participation);
            }
        }

        void commitments(List<ReferenceFile.Row> rows) {
            for (ReferenceFile.Row row : rows) {
                String instrument = row.required("instrument");
                if (!instrumentIds.contains(instrument))
                    throw row.error("instrument", "instrument '" + instrument + "' is not in instruments.csv");
                Commitment.Kind kind = row.choice("kind", Commitment.Kind.class);
                Scope scope = scope(row);
                Term term = build(
                        row,
                        () -> new Term(row.optionalDate("from"), row.optionalDate("until"), row.optional("condition")));
                Source source = row.source();
                Map<String, String> terms = build(row, () -> CommitmentTerms.parse(row.optional("terms")));
                commitments.add(
                        build(row, () -> CommitmentTerms.toCommitment(kind, instrument, scope, term, terms, source)));
            }
        }

        /**
         * Each channel row with its facts (rows of channel-facts.csv naming it, in file order) becomes one
         * {@link LegalChannel} through the one commitment builder; a fact is refused on its own line.
         */
        void channels(List<ReferenceFile.Row> rows, List<ReferenceFile.Row> factRows) {
            Map<String, List<ReferenceFile.Row>> factsOf = new LinkedHashMap<>();
            for (ReferenceFile.Row row : rows) {
                String id = identifier(row, "id");
                define(row, "channel id", id);
                factsOf.put(id, new ArrayList<>());
            }
            for (ReferenceFile.Row row : factRows) {
                String channel = row.required("channel");
                List<ReferenceFile.Row> of = factsOf.get(channel);
                if (of == null) throw row.error("channel", "channel '" + channel + "' is not in channels.csv");
                of.add(row);
            }
            for (ReferenceFile.Row row : rows) {
                String id = row.required("id");
                String instrument = row.required("instrument");
                if (!instrumentIds.contains(instrument))
                    throw row.error("instrument", "instrument '" + instrument + "' is not in instruments.csv");
                String destination = row.required("destination");
                if (!(partyById.get(destination) instanceof State))
                    throw row.error("destination", "destination '" + destination + "' is not a state in states.csv");
                Set<String> eligible = new LinkedHashSet<>();
                for (String code : row.list("eligible")) {
                    if (!Scope.ANY.equals(code)
                            && !Scope.PARTIES.equals(code)
                            && !(partyById.get(code) instanceof State)) {
                        throw row.error(
                                "eligible",
                                "eligible names '" + code + "', which is neither a state nor " + Scope.ANY + " nor "
                                        + Scope.PARTIES);
                    }
                    eligible.add(code);
                }
                if (eligible.isEmpty())
                    throw row.error(
                            "eligible",
                            "eligible is empty: give " + Scope.ANY + ", " + Scope.PARTIES + " or state codes");
                List<ReferenceFile.Row> ownFacts = factsOf.get(id);
                List<ChannelFacts.Fact> facts = new ArrayList<>();
                for (ReferenceFile.Row f : ownFacts) {
                    Source source = f.source();
                    facts.add(build(
                            f,
                            () -> ChannelFacts.fact(
                                    f.required("fact"),
                                    f.required("kind"),
                                    f.optional("parameters"),
                                    f.optional("text"),
                                    f.optional("year"),
                                    f.required("verified"),
                                    source.title(),
                                    source.reference(),
                                    source.asOf().toString())));
                }
                ChannelFacts checked;
                try {
                    checked = ChannelFacts.of(facts);
                } catch (ChannelFacts.InvalidFact e) {
                    throw ownFacts.get(e.index()).error(e.getMessage());
                }
                Map<String, String> terms = new LinkedHashMap<>();
                terms.put("channel", id);
                terms.put("title", row.required("title"));
                terms.put("purpose", row.required("purpose"));
                terms.put("occupations", row.optional("occupations"));
                terms.put("decision", row.required("decision"));
                terms.put("apply_at", row.required("apply_at"));
                terms.put("verified", Boolean.toString(row.bool("verified")));
                if (!checked.facts().isEmpty()) terms.put("facts", checked.write());
                Term term = build(row, () -> new Term(row.optionalDate("from"), row.optionalDate("until")));
                Scope scope = build(row, () -> Scope.directed(Set.of(destination), eligible));
                Source source = row.source();
                commitments.add(build(
                        row,
                        () -> CommitmentTerms.toCommitment(
                                Commitment.Kind.LEGAL_CHANNEL, instrument, scope, term, terms, source)));
            }
        }

        private Scope scope(ReferenceFile.Row row) {
            Set<String> grantors = codes(row, "grantors");
            Set<String> beneficiaries = codes(row, "beneficiaries");
            if (grantors.isEmpty() && beneficiaries.isEmpty()) return Scope.reciprocal();
            if (grantors.isEmpty() || beneficiaries.isEmpty()) {
                throw row.error(
                        "grantors and beneficiaries must both be given, or both be empty for a reciprocal commitment");
            }
            return Scope.directed(grantors, beneficiaries);
        }

        private Set<String> codes(ReferenceFile.Row row, String column) {
            Set<String> codes = new LinkedHashSet<>();
            for (String code : row.list(column)) {
                boolean anyone = Scope.ANY.equals(code) && column.equals("beneficiaries");
                if (!Scope.PARTIES.equals(code) && !anyone && !(partyById.get(code) instanceof State)) {
                    throw row.error(column + " names '" + code + "', which is neither a state in states.csv nor "
                            + Scope.PARTIES + (column.equals("beneficiaries") ? " nor " + Scope.ANY : ""));
                }
                if (!codes.add(code)) throw row.error(column + " names '" + code + "' twice");
            }
            return codes;
        }

        /** Runs a kernel constructor and turns its refusal into an error on this row. */
        static <T> T build(ReferenceFile.Row row, java.util.function.Supplier<T> constructor) {
            try {
                return constructor.get();
            } catch (IllegalArgumentException | NullPointerException e) {
                throw row.error(e.getMessage());
            }
        }
    }
}
