package org.orderly.bench.border;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Threads;
import org.openjdk.jmh.annotations.Warmup;
import org.orderly.border.stay.Stay;
import org.orderly.border.stay.StayAccounting;
import org.orderly.border.stay.StayHistory;
import org.orderly.border.stay.StayRule;

/**
 * Stay decisions per second for one traveller's history of {@code stays} short stays under 90/180: the control answer
 * (days used, overstay, days left) and the planning answer of {@code StayAccounting}, against the day-by-day baseline.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Threads(1)
@Fork(1)
@Warmup(iterations = 2, time = 1)
@Measurement(iterations = 3, time = 1)
public class StayBenchmark {

    @Param({"4", "32", "256"})
    int stays;

    private StayHistory history;
    private LocalDate on;

    /** A history of short stays, each up to 3 weeks with gaps of up to 5 weeks, ending before {@code on}. */
    public static StayHistory history(int count, long seed) {
        Random random = new Random(seed);
        List<Stay> list = new ArrayList<>();
        LocalDate day = LocalDate.of(2000, 1, 1);
        for (int i = 0; i < count; i++) {
            LocalDate exit = day.plusDays(random.nextInt(21));
            list.add(Stay.of(day, exit));
            day = exit.plusDays(1 + random.nextInt(35));
        }
        return new StayHistory(list);
    }

    @Setup
    public void makeHistory() {
        history = history(stays, 180);
        on = history.stays().get(history.stays().size() - 1).exit().plusDays(3);
    }

    @Benchmark
    public int control() {
        return StayAccounting.control(StayRule.RollingWindow.SCHENGEN, history, on)
                .daysLeft();
    }

    @Benchmark
    public int plan() {
        return StayAccounting.plan(StayRule.RollingWindow.SCHENGEN, history, on).maxStayDays();
    }

    @Benchmark
    public int baselineDayByDayControl() {
        return DayByDayStays.control(StayRule.RollingWindow.SCHENGEN, history, on)[1];
    }
}
