package org.orderly.stream;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.apache.flink.util.CloseableIterator;
import org.junit.jupiter.api.Test;
import org.orderly.border.crossing.Crossing;
import org.orderly.border.crossing.OverstayWatch;
import org.orderly.border.crossing.StayEvent;

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
        try (CloseableIterator<StreamOutput> results = OverstayJob.build(env.fromData(arrivals).setParallelism(1), LATENESS).executeAndCollect()) {
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
        List<StayEvent> events = streamed.stream().filter(o -> o.event() != null).map(StreamOutput::event).toList();
        List<Crossing> late = streamed.stream().filter(o -> o.late() != null).map(StreamOutput::late).toList();

        assertThat(late).as("seed %d: late crossings", seed).containsExactlyInAnyOrderElementsOf(split.late());
        assertThat(events).as("seed %d: the embedded path's events", seed).containsExactlyInAnyOrderElementsOf(embedded);
        assertThat(embedded).as("seed %d: the stream exercises every kind of event", seed)
                .anyMatch(e -> e instanceof StayEvent.OverstayRaised).anyMatch(e -> e instanceof StayEvent.OverstayCleared)
                .anyMatch(e -> e instanceof StayEvent.ExitWithoutEntry).anyMatch(e -> e instanceof StayEvent.EntryWithoutExit);
        // Per traveller, the job's events come in the embedded path's order.
        for (String traveller : embedded.stream().map(StayEvent::traveller).distinct().limit(50).toList()) {
            assertThat(events.stream().filter(e -> e.traveller().equals(traveller)).toList()).as("seed %d, traveller %s", seed, traveller)
                    .containsExactlyElementsOf(embedded.stream().filter(e -> e.traveller().equals(traveller)).toList());
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
}
