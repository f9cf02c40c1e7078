package org.orderly.bench.border;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The CPU time this JVM's compiler threads and garbage collector threads have used so far, read from Linux's
 * {@code /proc/self/task} (each thread's name and its user and system clock ticks): what a run spent compiling and
 * collecting beside its own threads' work. Both kinds of thread live as long as the JVM, so the difference between two
 * readings is what they spent in between. Zero where {@code /proc} cannot be read.
 */
record JvmCpu(double compilerSeconds, double collectorSeconds) {
    /** Linux reports thread times in clock ticks of 1/100 s (USER_HZ, fixed by the kernel's interface on x86 and ARM). */
    private static final double TICKS_PER_SECOND = 100;

    static JvmCpu now() {
        long compiler = 0;
        long collector = 0;
        try (DirectoryStream<Path> threads = Files.newDirectoryStream(Path.of("/proc/self/task"))) {
            for (Path thread : threads) {
                String name;
                String stat;
                try {
                    name = Files.readString(thread.resolve("comm")).strip();
                    stat = Files.readString(thread.resolve("stat"));
                } catch (IOException ended) {
                    continue; // the thread ended while being read
                }
                long ticks = ticks(stat);
                // HotSpot's names, cut to 15 characters by Linux: "C2 CompilerThre", "GC Thread#0", "G1 Conc#0", "G1
                // Refine#0".
                if (name.startsWith("C1 Compiler") || name.startsWith("C2 Compiler")) compiler += ticks;
                else if (name.startsWith("GC Thread") || name.startsWith("G1 ")) collector += ticks;
            }
        } catch (IOException | RuntimeException e) {
            return new JvmCpu(0, 0);
        }
        return new JvmCpu(compiler / TICKS_PER_SECOND, collector / TICKS_PER_SECOND);
    }

    JvmCpu since(JvmCpu before) {
        return new JvmCpu(compilerSeconds - before.compilerSeconds, collectorSeconds - before.collectorSeconds);
    }

    /** utime + stime: fields 14 and 15 of /proc/…/stat, counted after the command name, which is in parentheses and may hold spaces. */
    private static long ticks(String stat) {
        String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
        return Long.parseLong(fields[11]) + Long.parseLong(fields[12]);
    }
}
