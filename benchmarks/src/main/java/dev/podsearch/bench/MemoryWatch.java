package dev.podsearch.bench;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A service's resident memory while a benchmark drives it: the peak sampled every 500 ms, and at the end where it
 * goes. The JVM's own share comes from its native memory tracking ({@link #TRACKING}, which the benchmark adds to the
 * service's options: it costs the tracking's own few MB); what is resident beyond everything the JVM tracks is the
 * native code's: ONNX Runtime with the model, the tokenizer, and the C library's malloc arenas.
 */
final class MemoryWatch implements AutoCloseable {

    /** The JVM option that makes {@link #describe} possible. */
    static final String TRACKING = "-XX:NativeMemoryTracking=summary";

    private static final String JVM_OPTIONS = "podsearch.service.jvm-opts";
    private static final Pattern CATEGORY = Pattern.compile("-\\s+(.+?) \\(reserved=\\d+KB, committed=(\\d+)KB");
    private static final Pattern TOTAL = Pattern.compile("Total: reserved=\\d+KB, committed=(\\d+)KB");
    private static final Pattern HEAP_USED = Pattern.compile("used (\\d+)K");

    private final long pid;
    private final AtomicLong peak = new AtomicLong();
    private final Thread sampler;

    private MemoryWatch(long pid) {
        this.pid = pid;
        this.sampler = Thread.ofPlatform().daemon().name("memory-watch").start(this::sample);
    }

    /** Adds {@link #TRACKING} to the options of services started from now on in this JVM. */
    static void trackServices() {
        String options = System.getProperty(JVM_OPTIONS, System.getenv("PODSEARCH_SERVICE_JVM_OPTS"));
        System.setProperty(JVM_OPTIONS, options == null || options.isBlank() ? TRACKING : options + " " + TRACKING);
    }

    static MemoryWatch of(long pid) {
        return new MemoryWatch(pid);
    }

    private void sample() {
        while (!Thread.currentThread().isInterrupted()) {
            peak.accumulateAndGet(EmbedStagePhase.rss(pid), Math::max);
            try {
                Thread.sleep(500);
            } catch (InterruptedException e) {
                return;
            }
        }
    }

    /** Resident now, the peak so far, and where it goes; one line per figure, indented for a report. */
    String describe() {
        long rss = EmbedStagePhase.rss(pid) / 1024;
        StringBuilder out = new StringBuilder(String.format(
                Locale.ROOT, "resident %d MB after the runs, peak %d MB while they ran", rss / 1024, peak.get() >> 20));
        String summary = jcmd("VM.native_memory", "summary");
        Matcher total = TOTAL.matcher(summary);
        if (!total.find()) {
            return out.append(" (no native memory tracking: no breakdown)").toString();
        }
        Map<String, Long> committed = new LinkedHashMap<>();
        Matcher category = CATEGORY.matcher(summary);
        while (category.find()) {
            committed.put(category.group(1).strip(), Long.parseLong(category.group(2)));
        }
        long jvm = Long.parseLong(total.group(1));
        long heap = committed.getOrDefault("Java Heap", 0L);
        long classes = committed.getOrDefault("Class", 0L) + committed.getOrDefault("Metaspace", 0L);
        long code = committed.getOrDefault("Code", 0L);
        Matcher used = HEAP_USED.matcher(jcmd("GC.heap_info"));
        long heapUsed = used.find() ? Long.parseLong(used.group(1)) : -1;
        out.append(String.format(
                Locale.ROOT,
                "%n              the JVM tracks %d MB: heap %d MB committed (%d MB in use), classes %d MB, compiled"
                        + " code %d MB, the rest (GC, threads, symbols, the tracking itself) %d MB%n"
                        + "              beyond it %d MB: ONNX Runtime with the model, the tokenizer, malloc arenas, and"
                        + " the mapped JDK and native libraries",
                jvm >> 10,
                heap >> 10,
                heapUsed >> 10,
                classes >> 10,
                code >> 10,
                (jvm - heap - classes - code) >> 10,
                Math.max(0, rss - jvm) >> 10));
        return out.toString();
    }

    private String jcmd(String... command) {
        Path jcmd = Path.of(System.getProperty("java.home"), "bin", "jcmd");
        String[] args = new String[command.length + 2];
        args[0] = jcmd.toString();
        args[1] = Long.toString(pid);
        System.arraycopy(command, 0, args, 2, command.length);
        try {
            Process process = new ProcessBuilder(args).redirectErrorStream(true).start();
            String text = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            process.waitFor();
            return text;
        } catch (IOException e) {
            return "";
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return "";
        }
    }

    @Override
    public void close() {
        sampler.interrupt();
    }
}
