package org.orderly.stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.apache.flink.api.common.serialization.SerializerConfigImpl;
import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.api.common.typeinfo.Types;
import org.apache.flink.api.common.typeutils.CompositeType;
import org.apache.flink.api.common.typeutils.TypeSerializer;
import org.apache.flink.api.java.typeutils.GenericTypeInfo;
import org.apache.flink.core.memory.DataInputDeserializer;
import org.apache.flink.core.memory.DataOutputSerializer;
import org.apache.flink.runtime.jobgraph.JobVertex;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.apache.flink.streaming.api.functions.sink.v2.DiscardingSink;
import org.apache.flink.util.CloseableIterator;
import org.junit.jupiter.api.Test;
import org.orderly.border.crossing.Crossing;
import org.orderly.border.crossing.OverstayWatch;
import org.orderly.border.crossing.StayEvent;
import org.orderly.border.crossing.TravellerStays;
import org.orderly.border.stay.Stay;

/**
 * The Flink job on Flink's in-process mini cluster against the embedded path ({@link OverstayWatch#replay}) on the
 * same generated stream: identical stay decisions, alerts, clearances and unmatched crossings, with crossings arriving
 * out of order and some late.
 */
class OverstayJobTest {
    private static final Duration LATENESS = Duration.ofHours(6);

    private static List<StreamOutput> run(List<Crossing> arrivals) throws Exception {
        StreamExecutionEnvironment env = InProcessFlink.environment(2);
        List<StreamOutput> out = new ArrayList<>();
        try (CloseableIterator<StreamOutput> results = OverstayJob.build(
                        env.fromData(arrivals).setParallelism(1), LATENESS)
                .executeAndCollect()) {
            results.forEachRemaining(out::add);
        }
        return out;
    }

    @Test
    void theJobDecidesExactlyAsTheEmbeddedPathOnOutOfOrderAndLateCrossings() throws Exception {
        long seed = 20_261_201L;
        List<Crossing> crossings = CrossingGenerator.crossings(seed, 300, 400);
        List<Crossing> arrivals = CrossingGenerator.arrivals(crossings, seed, LATENESS, 150);
        assertThat(arrivals).as("seed %d: the stream is out of order", seed).isNotEqualTo(crossings);

        Lateness.Split split = Lateness.split(arrivals, LATENESS);
        assertThat(split.late()).as("seed %d: some crossings are late", seed).isNotEmpty();
        List<StayEvent> embedded = OverstayWatch.replay(split.inTime(), Instant.MAX);

        List<StreamOutput> streamed = run(arrivals);
        List<StayEvent> events = streamed.stream()
                .filter(o -> o.event() != null)
                .map(StreamOutput::event)
                .toList();
        List<Crossing> late = streamed.stream()
                .filter(o -> o.late() != null)
                .map(StreamOutput::late)
                .toList();

        assertThat(late).as("seed %d: late crossings", seed).containsExactlyInAnyOrderElementsOf(split.late());
        assertThat(events)
                .as("seed %d: the embedded path's events", seed)
                .containsExactlyInAnyOrderElementsOf(embedded);
        assertThat(embedded)
                .as("seed %d: the stream exercises every kind of event", seed)
                .anyMatch(e -> e instanceof StayEvent.OverstayRaised)
                .anyMatch(e -> e instanceof StayEvent.OverstayCleared)
                .anyMatch(e -> e instanceof StayEvent.ExitWithoutEntry)
                .anyMatch(e -> e instanceof StayEvent.EntryWithoutExit);
        // Per traveller, the job's events come in the embedded path's order.
        for (String traveller :
                embedded.stream().map(StayEvent::traveller).distinct().limit(50).toList()) {
            assertThat(events.stream()
                            .filter(e -> e.traveller().equals(traveller))
                            .toList())
                    .as("seed %d, traveller %s", seed, traveller)
                    .containsExactlyElementsOf(embedded.stream()
                            .filter(e -> e.traveller().equals(traveller))
                            .toList());
        }
    }

    @Test
    void crossingsInTimeOrderGiveTheEmbeddedEventsWithNothingLate() throws Exception {
        List<Crossing> crossings = CrossingGenerator.crossings(7, 60, 300);
        List<StreamOutput> streamed = run(crossings);
        assertThat(streamed).noneMatch(o -> o.late() != null);
        assertThat(streamed.stream().map(StreamOutput::event).toList())
                .containsExactlyInAnyOrderElementsOf(OverstayWatch.replay(crossings, Instant.MAX));
    }

    /**
     * Crossings at the very instant an alert falls due (the start of the first day past the last legal day), and stays
     * ended before it, whose alert timer the job deletes: the same events as the embedded path.
     */
    @Test
    void crossingsAtTheInstantAnAlertFallsDueAndStaysEndedBeforeItGiveTheEmbeddedEvents() throws Exception {
        Instant due = Instant.parse("2025-04-01T00:00:00Z"); // entry on 1 January under 90/180: last legal day 31 March
        List<Crossing> crossings = List.of(
                crossing("a1", "A", Crossing.Direction.ENTRY, "2025-01-01T10:00:00Z"),
                crossing("b1", "B", Crossing.Direction.ENTRY, "2025-01-01T10:00:00Z"),
                crossing("c1", "C", Crossing.Direction.ENTRY, "2025-01-01T10:00:00Z"),
                crossing("c2", "C", Crossing.Direction.EXIT, "2025-03-30T10:00:00Z"),
                crossing("c3", "C", Crossing.Direction.ENTRY, "2025-03-31T10:00:00Z"),
                // A leaves an hour before its alert would fall due and comes back at that instant: both wait for the
                // watermark together, and the exit must not take the entry's timer with the alert's.
                crossing("a2", "A", Crossing.Direction.EXIT, "2025-03-31T23:00:00Z"),
                crossing("a3", "A", Crossing.Direction.ENTRY, due.toString()),
                crossing("b2", "B", Crossing.Direction.EXIT, due.toString()),
                crossing("z1", "Z", Crossing.Direction.ENTRY, "2025-12-31T10:00:00Z"));
        List<StayEvent> embedded = OverstayWatch.replay(crossings, Instant.MAX);
        assertThat(embedded)
                .as("B overstays from the instant it exits")
                .anyMatch(e ->
                        e instanceof StayEvent.OverstayRaised r && r.traveller().equals("B"));
        List<StreamOutput> streamed = run(crossings);
        assertThat(streamed).noneMatch(o -> o.late() != null);
        assertThat(streamed.stream().map(StreamOutput::event).toList()).containsExactlyInAnyOrderElementsOf(embedded);
    }

    private static Crossing crossing(String id, String traveller, Crossing.Direction direction, String at) {
        return new Crossing(
                id,
                traveller,
                direction,
                Instant.parse(at),
                "DEU",
                "FRA-T1",
                "P-" + traveller,
                "USA",
                "USA",
                direction == Crossing.Direction.ENTRY ? "90/180" : null);
    }

    /**
     * Every output (stay events, late crossings, malformed messages) leaves the overstays operator, so what consumes the
     * outputs is chained to it: the job is two tasks (readers, overstays with the sink), and an output crosses no second
     * exchange. A union of the late crossings with the stay events would put the sink in a task of its own.
     */
    @Test
    void everyOutputLeavesTheOverstaysChainedToTheSink() {
        StreamExecutionEnvironment env = InProcessFlink.environment(2);
        OverstayJob.build(env.fromData(CrossingGenerator.crossings(3, 5, 60)).setParallelism(1), LATENESS)
                .sinkTo(new DiscardingSink<>())
                .name("outputs");
        List<String> tasks = new ArrayList<>();
        for (JobVertex vertex : env.getStreamGraph().getJobGraph().getVerticesSortedTopologicallyFromSources())
            tasks.add(vertex.getName());
        assertThat(tasks).as("the job's tasks").hasSize(2);
        assertThat(tasks.get(1))
                .as("the overstays' task")
                .startsWith("overstays")
                .contains("outputs");
    }

    /** Kryo, Flink's fallback for types it cannot analyse, is the slow path: the job's records must not need it. */
    @Test
    void whatFlowsBetweenTheJobsOperatorsIsSerialisedWithoutKryo() {
        StreamExecutionEnvironment env = InProcessFlink.environment(1);
        var input = env.fromData(CrossingGenerator.crossings(3, 5, 60)).setParallelism(1);
        assertThat(genericTypesIn(input.getType())).as("crossings").isEmpty();
        assertThat(genericTypesIn(OverstayJob.build(input, LATENESS).getType()))
                .as("outputs")
                .isEmpty();
        assertThat(genericTypesIn(new CrossingMessages().getProducedType()))
                .as("Kafka messages")
                .isEmpty();
        assertThat(genericTypesIn(TypeInformation.of(Object.class)))
                .as("the check itself finds a generic type")
                .isNotEmpty();
    }

    /**
     * The state the job keeps (a traveller's stays, the crossings waiting for event time) and every record it passes,
     * serialised by Flink's own serializers with generic types disabled, as the job runs; read back equal.
     */
    @Test
    void theJobsStateAndRecordsHaveFlinksOwnSerializersWithGenericTypesDisabled() throws Exception {
        SerializerConfigImpl noKryo = new SerializerConfigImpl();
        noKryo.setGenericTypes(false);
        TravellerStays stays = new TravellerStays(
                List.of(
                        new Stay(LocalDate.parse("2025-01-02"), LocalDate.parse("2025-01-20"), Stay.Title.SHORT_STAY),
                        new Stay(
                                LocalDate.parse("2025-02-01"),
                                LocalDate.parse("2025-02-20"),
                                Stay.Title.FREE_MOVEMENT)),
                new TravellerStays.OpenStay(
                        "e7",
                        Instant.parse("2025-03-01T10:00:00Z"),
                        "USA",
                        "90/180",
                        LocalDate.parse("2025-05-29"),
                        Instant.parse("2025-05-30T00:00:00Z"),
                        false));
        TravellerStays read = roundTrip(RecordTypes.of(TravellerStays.class).createSerializer(noKryo), stays);
        assertThat(read.open()).isEqualTo(stays.open());
        assertThat(read.closed()).isEqualTo(stays.closed());
        List<Crossing> waiting = CrossingGenerator.crossings(5, 3, 60);
        assertThat(roundTrip(Types.LIST(RecordTypes.of(Crossing.class)).createSerializer(noKryo), waiting))
                .isEqualTo(waiting);
        StreamOutput output =
                StreamOutput.of(OverstayWatch.replay(waiting, Instant.MAX).get(0));
        assertThat(roundTrip(RecordTypes.of(StreamOutput.class).createSerializer(noKryo), output))
                .isEqualTo(output);
        assertThat(roundTrip(
                        RecordTypes.of(CrossingMessage.class).createSerializer(noKryo),
                        CrossingMessage.of(3, waiting.get(0))))
                .isEqualTo(CrossingMessage.of(3, waiting.get(0)));
        // The check itself: Flink's type extractor alone hands the dates in a traveller's stays to Kryo, refused here.
        assertThatThrownBy(() -> TypeInformation.of(TravellerStays.class).createSerializer(noKryo))
                .isInstanceOf(UnsupportedOperationException.class);
    }

    /**
     * What crosses the keyed exchange (every crossing, once) is written by its own serializer: crossings in time and
     * late, malformed messages, texts beyond ASCII and absent rules, one after another through one writer and one reader
     * (as a network channel passes them), read back equal.
     */
    @Test
    void arrivalsCrossTheKeyedExchangeAndReadBackEqual() throws Exception {
        List<Crossing> crossings = new ArrayList<>(CrossingGenerator.crossings(11, 20, 120));
        crossings.add(new Crossing(
                "ü-1",
                "Zoë",
                Crossing.Direction.ENTRY,
                Instant.parse("2025-03-01T10:15:30.123456Z"),
                "fra",
                "Orly-Süd",
                "ab12",
                "deu",
                "",
                "not-counted:free_movement"));
        List<Arrival> arrivals = new ArrayList<>();
        for (int i = 0; i < crossings.size(); i++)
            arrivals.add(i % 7 == 3 ? Arrival.late(crossings.get(i)) : Arrival.inTime(crossings.get(i)));
        arrivals.add(
                3,
                Arrival.malformed(new MalformedCrossing(
                        "crossings", 2, 17L, 4, "at", "'yesterday' is not an ISO-8601 instant", "c1,…")));
        assertThat(arrivals).anyMatch(a -> a.crossing() != null && a.crossing().rule() == null);

        TypeSerializer<Arrival> writer = Arrival.TYPE.createSerializer(new SerializerConfigImpl());
        DataOutputSerializer out = new DataOutputSerializer(64);
        for (Arrival arrival : arrivals) writer.serialize(arrival, out);
        TypeSerializer<Arrival> reader = writer.duplicate();
        DataInputDeserializer in = new DataInputDeserializer(out.getCopyOfBuffer());
        List<Arrival> read = new ArrayList<>();
        for (int i = 0; i < arrivals.size(); i++) read.add(reader.deserialize(in));
        assertThat(read).containsExactlyElementsOf(arrivals);
        assertThat(in.available()).as("every byte written is read, none more").isZero();
    }

    /** A field of a type Flink has no serializer of its own for is refused when the job is built, not left to Kryo. */
    @Test
    void aRecordFieldWithoutAFlinkSerializerIsRefusedWhenTheJobIsBuilt() {
        record Odd(String name, Object anything) {}
        assertThatThrownBy(() -> RecordTypes.of(Odd.class))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("java.lang.Object")
                .hasMessageContaining("Kryo");
    }

    private static <T> T roundTrip(TypeSerializer<T> serializer, T value) throws Exception {
        DataOutputSerializer out = new DataOutputSerializer(256);
        serializer.serialize(value, out);
        return serializer.deserialize(new DataInputDeserializer(out.getCopyOfBuffer()));
    }

    private static List<String> genericTypesIn(TypeInformation<?> type) {
        List<String> generic = new ArrayList<>();
        if (type instanceof GenericTypeInfo<?>) generic.add(type.toString());
        if (type instanceof CompositeType<?> composite) {
            for (int i = 0; i < composite.getArity(); i++) generic.addAll(genericTypesIn(composite.getTypeAt(i)));
        }
        return generic;
    }
}
