package dev.podsearch.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** CPU time as Linux reports it in {@code /proc}: of a process, of one of its threads, of the whole machine. */
final class Cpu {

    /** Linux reports CPU times in clock ticks of 1/100 s (USER_HZ). */
    static final double SECONDS_PER_TICK = 0.01;

    private Cpu() {}

    /** CPU seconds (user + system) a whole process has used so far; 0 where that cannot be read. */
    static double processSeconds(long pid) {
        try {
            return ticks(Files.readString(Path.of("/proc", Long.toString(pid), "stat"))) * SECONDS_PER_TICK;
        } catch (IOException | RuntimeException e) {
            return 0;
        }
    }

    /** CPU seconds the whole machine has been busy so far (all cores; {@code /proc/stat} less idle and iowait). */
    static double machineBusySeconds() {
        try {
            String[] fields =
                    Files.readAllLines(Path.of("/proc/stat")).getFirst().trim().split("\\s+");
            long busy = 0;
            for (int i = 1; i < fields.length && i <= 8; i++) {
                if (i != 4 && i != 5) { // idle, iowait
                    busy += Long.parseLong(fields[i]);
                }
            }
            return busy * SECONDS_PER_TICK;
        } catch (IOException | RuntimeException e) {
            return 0;
        }
    }

    /** The command name in a process's or thread's {@code stat} line (between the parentheses). */
    static String name(String stat) {
        return stat.substring(stat.indexOf('(') + 1, stat.lastIndexOf(')'));
    }

    /** User + system ticks from a process's or thread's {@code stat} line. */
    static long ticks(String stat) {
        // after the name: state (field 3) ... utime (field 14), stime (field 15)
        String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
        return Long.parseLong(fields[11]) + Long.parseLong(fields[12]);
    }
}
